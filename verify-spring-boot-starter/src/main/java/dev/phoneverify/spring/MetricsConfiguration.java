package dev.phoneverify.spring;

import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.micrometer.PhoneVerifyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer meters (verify-micrometer's {@link PhoneVerifyMetrics}) when the application has a
 * {@link MeterRegistry}: every provider call timed, every event counted, refused sends counted where the web layer
 * calls them. Binding is idempotent, so Boot binding the same registry again changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.micrometer.core.instrument.MeterRegistry",
        "dev.phoneverify.micrometer.PhoneVerifyMetrics"})
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    PhoneVerifyMetrics phoneVerifyMetrics(MeterRegistry registry) {
        PhoneVerifyMetrics metrics = PhoneVerifyMetrics.create();
        metrics.bindTo(registry);
        return metrics;
    }

    @Bean
    PhoneVerifyCustomizer phoneVerifyMetricsCustomizer(PhoneVerifyMetrics metrics) {
        return new PhoneVerifyCustomizer() {
            @Override
            public VerificationGateway gateway(VerificationGateway gateway) {
                return metrics.timedGateway(gateway);
            }

            @Override
            public void built(Verifications verifications) {
                metrics.listenTo(verifications);
            }

            @Override
            public StartVerification starts(StartVerification starts) {
                return metrics.startVerification(starts);
            }

            @Override
            public MoveToNextStep nextSteps(MoveToNextStep nextSteps) {
                return metrics.moveToNextStep(nextSteps);
            }
        };
    }
}
