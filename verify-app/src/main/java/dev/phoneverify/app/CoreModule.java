package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.AbuseControls;
import dev.phoneverify.core.service.VerificationService;
import java.time.Clock;

/**
 * Builds the core's use cases from the ports the chosen gateway and store modules bind and the {@link Clock} the
 * gateway module provides. Core classes carry no Guice annotations, so they are made here.
 */
final class CoreModule extends AbstractModule {
    private final AppConfig config;

    CoreModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
    }

    @Provides
    @Singleton
    VerificationService verificationService(VerificationGateway gateway, FlowStore store, VerificationPolicy policy,
                                            Brand brand, Clock clock, RateLimitStore rateLimits,
                                            ConversionStatsStore conversions) {
        // The counters live in whatever stores the store module binds: shared ones on postgres.
        VerificationService service = new VerificationService(gateway, store, policy, brand, clock,
                new AbuseControls(config.abuseControls(), rateLimits, conversions));
        AuditLog audit = new AuditLog();
        service.addListener(audit);
        service.addAlarmListener(audit);
        return service;
    }

    @Provides
    @Singleton
    VerificationPolicy policy() {
        return VerificationPolicy.defaults();
    }

    @Provides
    Brand brand() {
        return config.brand();
    }
}
