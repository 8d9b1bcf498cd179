package dev.phoneverify.app;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.adapter.vonage.VonageConfig;
import dev.phoneverify.adapter.vonage.VonageVerificationGateway;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import java.time.Duration;

/**
 * Runs the app on Vonage Verify. Everything Vonage-specific stays private to this module; only the port is exposed.
 * The app's {@link Clock} comes from {@link SystemClockModule}, installed beside it.
 */
final class VonageGatewayModule extends PrivateModule {
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private final AppConfig.VonageSettings settings;

    VonageGatewayModule(AppConfig.VonageSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        expose(VerificationGateway.class);
        expose(GatewayReachability.class);
    }

    /** Vonage's API host answers a TCP connection within the SDK's timeout, at most 2 s (a readiness probe waits). */
    @Provides
    @Singleton
    GatewayReachability reachability(VonageConfig config) {
        Duration timeout = config.timeout().compareTo(READINESS_TIMEOUT) < 0 ? config.timeout() : READINESS_TIMEOUT;
        return GatewayReachability.tcp(config.baseUri(), timeout);
    }

    @Provides
    @Singleton
    VonageConfig vonageConfig(Clock clock) {
        VonageConfig.Builder builder = VonageConfig.builder()
                .apiKey(settings.apiKey())
                .apiSecret(settings.apiSecret())
                .clock(clock);
        settings.baseUrl().ifPresent(builder::baseUri);
        settings.timeout().ifPresent(builder::timeout);
        return builder.build();
    }

    @Provides
    @Singleton
    VerificationGateway gateway(VonageConfig config) {
        return new VonageVerificationGateway(config);
    }
}
