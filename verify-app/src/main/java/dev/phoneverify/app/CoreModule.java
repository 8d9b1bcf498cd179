package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.name.Named;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.micrometer.PhoneVerifyMetrics;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the core's use cases from the ports the chosen gateway and store modules bind (the store module also
 * names the stores the abuse controls count in) and the {@link Clock} the gateway module provides, and binds each
 * driving port to them. Core classes carry no Guice annotations, so they are made here.
 */
final class CoreModule extends AbstractModule {
    /** Names the wait a retried start gets; a test binds a shorter one. */
    static final String IDEMPOTENCY_WAIT = "idempotencyWait";

    private final AppConfig config;

    CoreModule(AppConfig config) {
        this.config = config;
    }

    @Override
    protected void configure() {
        bind(AppConfig.class).toInstance(config);
        install(new MetricsModule());
        // One Verifications serves every command; each caller asks only for the driving port it uses. Starts and
        // next steps go through the metrics, which count what the abuse controls refuse (no event says so).
        bind(CheckCode.class).to(Verifications.class);
        bind(CancelVerification.class).to(Verifications.class);
        bind(FindVerification.class).to(Verifications.class);
        bind(ApplyProviderStatus.class).to(Verifications.class);
    }

    @Provides
    @Singleton
    Verifications verifications(VerificationGateway gateway, FlowStore flows, AbuseControls abuseControls,
                                IdempotencyStore idempotencyKeys, @Named(IDEMPOTENCY_WAIT) Duration idempotencyWait,
                                VerificationPolicy policy, Brand brand, Clock clock, PhoneVerifyMetrics metrics) {
        Verifications.Builder builder = Verifications.builder()
                .gateway(metrics.timedGateway(gateway))
                .flows(flows)
                .idempotencyKeys(idempotencyKeys)
                .idempotencyWait(idempotencyWait)
                .abuseControls(abuseControls)
                .brand(brand)
                .clock(clock)
                .policy(policy);
        // On v2 the workflow is a setting; the v1 gateways and the fake bring their own.
        config.vonageV2().ifPresent(v2 -> builder.defaultWorkflow(v2.workflow()));
        Verifications verifications = builder.build();
        AuditLog audit = new AuditLog();
        verifications.addListener(audit);
        verifications.addAlarmListener(audit);
        metrics.listenTo(verifications);
        return verifications;
    }

    @Provides
    @Singleton
    StartVerification starts(Verifications verifications, PhoneVerifyMetrics metrics) {
        return metrics.startVerification(verifications);
    }

    @Provides
    @Singleton
    MoveToNextStep nextSteps(Verifications verifications, PhoneVerifyMetrics metrics) {
        return metrics.moveToNextStep(verifications);
    }

    /** How long a start waits for a running start with its Idempotency-Key before it is answered 409. */
    @Provides
    @Named(IDEMPOTENCY_WAIT)
    Duration idempotencyWait() {
        return Verifications.Builder.DEFAULT_IDEMPOTENCY_WAIT;
    }

    /** The store modules count these controls in their own stores. */
    @Provides
    AbuseControlPolicy abuseControlPolicy() {
        return config.abuseControls();
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
