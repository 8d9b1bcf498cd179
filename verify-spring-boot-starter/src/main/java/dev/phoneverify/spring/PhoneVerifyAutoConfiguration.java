package dev.phoneverify.spring;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of phone verification: the use cases ({@link Verifications}) over the gateway, the stores,
 * the abuse controls and the clock that {@code phoneverify.*} chooses. Every bean backs off when the application
 * defines its own of that type. It runs after the application's {@code DataSource} and {@code MeterRegistry}
 * exist, so the PostgreSQL store and the metrics find them.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(PhoneVerifyProperties.class)
@Import({GatewayConfigurations.Fake.class, GatewayConfigurations.Vonage.class, GatewayConfigurations.VonageV2.class,
        GatewayConfigurations.SystemClock.class, StoreConfigurations.Postgres.class, StoreConfigurations.Memory.class,
        MetricsConfiguration.class, HealthConfiguration.class})
public final class PhoneVerifyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Brand phoneVerifyBrand(PhoneVerifyProperties properties) {
        return Settings.brand(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    VerificationPolicy phoneVerifyPolicy(PhoneVerifyProperties properties) {
        return Settings.policy(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    AbuseControlPolicy phoneVerifyAbuseControlPolicy(PhoneVerifyProperties properties) {
        return Settings.abuseControls(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Verifications verifications(VerificationGateway gateway, FlowStore flows, AbuseControls abuseControls,
                                IdempotencyStore idempotencyKeys, VerificationPolicy policy, Brand brand, Clock clock,
                                PhoneVerifyProperties properties,
                                ObjectProvider<PhoneVerifyCustomizer> customizers) {
        List<PhoneVerifyCustomizer> all = customizers.orderedStream().toList();
        VerificationGateway used = gateway;
        for (PhoneVerifyCustomizer customizer : all) {
            used = customizer.gateway(used);
        }
        Verifications.Builder builder = Verifications.builder()
                .gateway(used)
                .flows(flows)
                .idempotencyKeys(idempotencyKeys)
                .abuseControls(abuseControls)
                .brand(brand)
                .clock(clock)
                .policy(policy);
        Settings.workflow(properties).ifPresent(builder::defaultWorkflow);
        Verifications verifications;
        try {
            verifications = builder.build();
        } catch (IllegalArgumentException e) {
            throw new PhoneVerifyConfigException("the gateway cannot serve these settings (phoneverify.workflow,"
                    + " phoneverify.policy.code-length): " + e.getMessage());
        }
        all.forEach(customizer -> customizer.built(verifications));
        return verifications;
    }

    @Bean
    @ConditionalOnMissingBean
    PhoneVerifyUseCases phoneVerifyUseCases(Verifications verifications,
                                            ObjectProvider<PhoneVerifyCustomizer> customizers) {
        StartVerification starts = verifications;
        MoveToNextStep nextSteps = verifications;
        for (PhoneVerifyCustomizer customizer : customizers.orderedStream().toList()) {
            starts = customizer.starts(starts);
            nextSteps = customizer.nextSteps(nextSteps);
        }
        return new PhoneVerifyUseCases(starts, verifications, verifications, nextSteps, verifications);
    }
}
