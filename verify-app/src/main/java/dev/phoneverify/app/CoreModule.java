package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.AbuseControls;
import dev.phoneverify.core.service.VerificationService;
import dev.phoneverify.core.store.InMemoryFlowStore;
import java.time.Clock;

/**
 * Builds the core's use cases from the port the chosen gateway module binds and the {@link Clock} it provides. Core
 * classes carry no Guice annotations, so they are made here.
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
                                            Brand brand, Clock clock) {
        VerificationService service = new VerificationService(gateway, store, policy, brand, clock,
                AbuseControls.inMemory(config.abuseControls()));
        AuditLog audit = new AuditLog();
        service.addListener(audit);
        service.addAlarmListener(audit);
        return service;
    }

    @Provides
    @Singleton
    FlowStore flowStore(Clock clock) {
        return new InMemoryFlowStore(clock);
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
