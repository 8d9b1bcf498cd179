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

    private final VonageConfig config;

    /** @param config the adapter's settings, read and checked by {@link VonageConfig#fromEnvironment} */
    VonageGatewayModule(VonageConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        expose(VerificationGateway.class);
        expose(GatewayReachability.class);
    }

    /** Vonage's API host answers a TCP connection within the SDK's timeout, at most 2 s (a readiness probe waits). */
    @Provides
    @Singleton
    GatewayReachability reachability() {
        Duration timeout = config.timeout().compareTo(READINESS_TIMEOUT) < 0 ? config.timeout() : READINESS_TIMEOUT;
        return GatewayReachability.tcp(config.baseUri(), timeout);
    }

    @Provides
    @Singleton
    VerificationGateway gateway(Clock clock) {
        return new VonageVerificationGateway(config.withClock(clock));
    }
}
