package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import dev.phoneverify.adapter.vonage.VonageV2VerificationGateway;
import dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook;
import dev.phoneverify.adapter.vonage.webhook.WebhookAnswer;
import dev.phoneverify.app.web.WebhookRoute;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the app on Vonage Verify v2: the gateway, private to a module that exposes only the port, and the route that
 * receives v2's signed callbacks, which fills the web layer's webhook slot. The app's {@link Clock} comes from
 * {@link SystemClockModule}, installed beside it.
 */
final class VonageV2GatewayModule extends AbstractModule {
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private final VonageV2Settings settings;

    /** @param settings read and checked by {@link VonageV2Settings#read} */
    VonageV2GatewayModule(VonageV2Settings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        install(new GatewayPart(settings));
        bind(VonageV2Settings.class).toInstance(settings);
        OptionalBinder.newOptionalBinder(binder(), WebhookRoute.class).setBinding().toProvider(RouteProvider.class)
                .in(Singleton.class);
    }

    /** The gateway and its reachability; the SDK client stays inside. */
    private static final class GatewayPart extends PrivateModule {
        private final VonageV2Settings settings;

        GatewayPart(VonageV2Settings settings) {
            this.settings = settings;
        }

        @Override
        protected void configure() {
            expose(VerificationGateway.class);
            expose(GatewayReachability.class);
        }

        /** Vonage's API host answers a TCP connection within the SDK's timeout, at most 2 s. */
        @Provides
        @Singleton
        GatewayReachability reachability() {
            Duration timeout = settings.gateway().timeout();
            return GatewayReachability.tcp(settings.gateway().baseUri(),
                    timeout.compareTo(READINESS_TIMEOUT) < 0 ? timeout : READINESS_TIMEOUT);
        }

        @Provides
        @Singleton
        VerificationGateway gateway(Clock clock) {
            return new VonageV2VerificationGateway(settings.gateway().withClock(clock));
        }
    }

    /**
     * The callback route: the intake over the core's pushed-status port and the store's token ids. The tokens'
     * {@code iat} is Vonage's wall clock, so the intake judges it by the system clock, not the app's.
     */
    static final class RouteProvider implements Provider<WebhookRoute> {
        private final VonageV2Settings settings;
        private final ApplyProviderStatus updates;
        private final TokenReplayStore replays;

        @Inject
        RouteProvider(VonageV2Settings settings, ApplyProviderStatus updates, TokenReplayStore replays) {
            this.settings = settings;
            this.updates = updates;
            this.replays = replays;
        }

        @Override
        public WebhookRoute get() {
            VonageVerifyWebhook intake = new VonageVerifyWebhook(settings.webhook(), updates, replays);
            return new WebhookRoute(settings.webhookPath(), (authorization, body) -> {
                WebhookAnswer answer = intake.receive(authorization, body);
                return new WebhookRoute.Answer(answer.status(), answer.contentType(), answer.body(),
                        answer.retryAfter());
            });
        }
    }
}
