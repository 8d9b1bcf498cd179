package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.micrometer.PhoneVerifyMeterNames;
import dev.phoneverify.micrometer.PhoneVerifyMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Metrics when the application has a registry, and the health indicator, with their back-offs. */
class PhoneVerifyOperationsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PhoneVerifyAutoConfiguration.class));

    @Test
    void withAMeterRegistryStartsAndProviderCallsAreCounted() {
        runner.withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(PhoneVerifyMetrics.class);
            PhoneVerifyUseCases useCases = context.getBean(PhoneVerifyUseCases.class);
            useCases.starts().start(StartCommand.to(PhoneNumber.parse("+447700900123")));

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find(PhoneVerifyMeterNames.STARTS).counter()).isNotNull()
                    .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
            assertThat(registry.find(PhoneVerifyMeterNames.GATEWAY_CALLS).timer()).isNotNull()
                    .satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
        });
    }

    @Test
    void withoutARegistryOrWithoutVerifyMicrometerThereAreNoMetrics() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PhoneVerifyMetrics.class)
                .hasSingleBean(Verifications.class));
        runner.withUserConfiguration(Registry.class).withClassLoader(new FilteredClassLoader(PhoneVerifyMetrics.class))
                .run(context -> assertThat(context).doesNotHaveBean("phoneVerifyMetrics")
                        .hasSingleBean(Verifications.class));
    }

    @Test
    void anApplicationsOwnMetricsBeanIsUsed() {
        runner.withUserConfiguration(Registry.class, OwnMetrics.class).run(context ->
                assertThat(context.getBean(PhoneVerifyMetrics.class)).isSameAs(OwnMetrics.METRICS));
    }

    @Test
    void theHealthIndicatorReportsTheStoreAndTheGateway() {
        runner.run(context -> {
            PhoneVerifyHealthIndicator health = context.getBean(PhoneVerifyHealthIndicator.class);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            assertThat(health.health().getDetails()).containsEntry("store", "memory")
                    .containsEntry("gateway", "fake").containsEntry("gatewayStatus", "UP");
        });
    }

    @Test
    void anUnreachableProviderIsDown() {
        runner.withPropertyValues("phoneverify.gateway=vonage", "phoneverify.vonage.api-key=key123",
                "phoneverify.vonage.api-secret=secret123", "phoneverify.vonage.base-url=http://127.0.0.1:1")
                .run(context -> {
                    PhoneVerifyHealthIndicator health = context.getBean(PhoneVerifyHealthIndicator.class);
                    assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.health().getDetails()).containsEntry("gateway", "vonage")
                            .containsEntry("gatewayStatus", "DOWN").containsEntry("storeStatus", "UP");
                });
    }

    @Test
    void theHealthIndicatorBacksOffWithoutBootsHealthOrForTheApplicationsOwn() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(PhoneVerifyHealthIndicator.class));
        runner.withUserConfiguration(OwnHealth.class).run(context ->
                assertThat(context.getBean("phoneVerifyHealthIndicator")).isSameAs(OwnHealth.HEALTH));
    }

    @Test
    void theFakeIsHealthyEvenWhenTheApplicationBuiltIt() {
        runner.withUserConfiguration(OwnFake.class).run(context ->
                assertThat(context.getBean(PhoneVerifyHealthIndicator.class).health().getDetails())
                        .containsEntry("gateway", "fake"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnMetrics {
        static final PhoneVerifyMetrics METRICS = PhoneVerifyMetrics.create();

        @Bean
        PhoneVerifyMetrics ownMetrics() {
            return METRICS;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnHealth {
        static final HealthIndicator HEALTH = () -> org.springframework.boot.health.contributor.Health.up().build();

        @Bean
        HealthIndicator phoneVerifyHealthIndicator() {
            return HEALTH;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnFake {
        @Bean
        FakeVerificationGateway ownFake() {
            return FakeVerificationGateway.create();
        }
    }
}
