package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.vonage.VonageV2VerificationGateway;
import dev.phoneverify.adapter.vonage.VonageVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the auto-configuration builds for each {@code phoneverify.*} setting, and that every bean backs off. */
class PhoneVerifyAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PhoneVerifyAutoConfiguration.class));

    @Test
    void byDefaultTheUseCasesRunOnTheFakeWithItsClockAndInMemoryStores() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Verifications.class).hasSingleBean(FakeVerificationGateway.class);
            assertThat(context.getBean(Clock.class)).isSameAs(context.getBean(FakeVerificationGateway.class).clock());
            assertThat(context.getBean(Brand.class)).isEqualTo(new Brand("phone-verify"));
            assertThat(context.getBean(VerificationPolicy.class)).isEqualTo(VerificationPolicy.defaults());
            assertThat(context.getBean(AbuseControlPolicy.class)).isEqualTo(AbuseControlPolicy.defaults());

            PhoneNumber number = PhoneNumber.parse("+447700900123");
            StartResult started = context.getBean(Verifications.class).start(StartCommand.to(number));
            assertThat(started).isInstanceOf(StartResult.Started.class);
            assertThat(context.getBean(FakeVerificationGateway.class).lastCodeFor(number)).isPresent();
        });
    }

    @Test
    void vonageBuildsTheV1GatewayOnTheSystemClock() {
        runner.withPropertyValues("phoneverify.gateway=vonage", "phoneverify.vonage.api-key=key123",
                "phoneverify.vonage.api-secret=secret123", "phoneverify.vonage.timeout=2s").run(context -> {
            assertThat(context).hasSingleBean(VonageVerificationGateway.class)
                    .doesNotHaveBean(FakeVerificationGateway.class);
            assertThat(context.getBean(Clock.class)).isNotInstanceOf(FakeClock.class);
        });
    }

    @Test
    void vonageWithoutCredentialsStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("phoneverify.gateway=vonage").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("phoneverify.vonage.api-key").hasMessageNotContaining("VONAGE_");
        });
    }

    @Test
    void vonageV2BuildsTheV2GatewayWhicheverWayTheNameIsSpelled() {
        for (String spelling : new String[] {"vonage-v2", "VONAGE_V2", "vonageV2"}) {
            runner.withPropertyValues("phoneverify.gateway=" + spelling, "phoneverify.vonage.api-key=key123",
                    "phoneverify.vonage.api-secret=secret123").run(context ->
                    assertThat(context).hasSingleBean(VonageV2VerificationGateway.class)
                            .doesNotHaveBean(VonageVerificationGateway.class));
        }
    }

    @Test
    void aMalformedVonageSettingIsRefusedByItsPropertyName() {
        runner.withPropertyValues("phoneverify.gateway=vonage-v2", "phoneverify.vonage.api-key=key123",
                "phoneverify.vonage.api-secret=secret123", "phoneverify.vonage.application-id=not-a-uuid",
                "phoneverify.vonage.private-key-path=/nowhere.pem").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("phoneverify.vonage.");
        });
    }

    @Test
    void anUnknownGatewayStopsStartUp() {
        runner.withPropertyValues("phoneverify.gateway=pigeon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("phoneverify.gateway")
                    .hasStackTraceContaining("pigeon");
        });
    }

    @Test
    void abuseControlsFollowTheirProperties() {
        runner.withPropertyValues("phoneverify.abuse.per-number=5", "phoneverify.abuse.per-client=0").run(context -> {
            AbuseControlPolicy policy = context.getBean(AbuseControlPolicy.class);
            assertThat(policy.sendLimits().perNumber()).contains(SendLimit.of(5, Duration.ofMinutes(10)));
            assertThat(policy.sendLimits().perClient()).isEmpty();
        });
        runner.withPropertyValues("phoneverify.abuse.enabled=false").run(context ->
                assertThat(context.getBean(AbuseControlPolicy.class)).isEqualTo(AbuseControlPolicy.none()));
    }

    @Test
    void aNegativeLimitFailsValidationNamingTheProperty() {
        runner.withPropertyValues("phoneverify.abuse.per-number=-1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("abuse.perNumber");
        });
    }

    @Test
    void thePolicyAndBrandFollowTheirProperties() {
        runner.withPropertyValues("phoneverify.policy.code-length=6", "phoneverify.policy.max-wrong-attempts=5",
                "phoneverify.policy.max-lifetime=5m", "phoneverify.brand=Acme").run(context -> {
            assertThat(context.getBean(VerificationPolicy.class))
                    .isEqualTo(new VerificationPolicy(5, Duration.ofMinutes(5), 6));
            assertThat(context.getBean(Brand.class)).isEqualTo(new Brand("Acme"));
        });
    }

    @Test
    void aCodeLengthOutOfRangeAndATooLongBrandFailValidation() {
        runner.withPropertyValues("phoneverify.policy.code-length=3").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("policy.codeLength");
        });
        runner.withPropertyValues("phoneverify.brand=A brand name far too long").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining("phoneverify.brand");
        });
    }

    @Test
    void aLifetimeTheCoreRefusesIsNamedByItsProperty() {
        runner.withPropertyValues("phoneverify.policy.max-lifetime=2h").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("phoneverify.policy").hasMessageContaining("maxLifetime");
        });
    }

    @Test
    void theWorkflowPropertySetsTheDefaultWorkflow() {
        String fakes = FakeVerificationGateway.create().capabilities().defaultWorkflow().toString();
        runner.withPropertyValues("phoneverify.workflow=" + fakes).run(context ->
                assertThat(context.getBean(Verifications.class).defaultWorkflow().toString()).isEqualTo(fakes));
        runner.withPropertyValues("phoneverify.workflow=sms,pigeon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("phoneverify.workflow");
        });
    }

    @Test
    void aWorkflowTheGatewayCannotSendStopsStartUp() {
        runner.withPropertyValues("phoneverify.workflow=email").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("phoneverify.workflow").hasMessageContaining("cannot send workflow email");
        });
    }

    @Test
    void postgresWithoutADataSourceStopsStartUpSayingWhatToAdd() {
        runner.withPropertyValues("phoneverify.store=postgres").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(PhoneVerifyConfigException.class)
                    .hasMessageContaining("spring.datasource.url");
        });
    }

    @Test
    void anApplicationGatewayReplacesTheFakeAndItsClock() {
        runner.withUserConfiguration(OwnGateway.class).run(context -> {
            assertThat(context).hasSingleBean(VerificationGateway.class).doesNotHaveBean("fakeVerificationGateway");
            assertThat(context.getBean(VerificationGateway.class)).isSameAs(OwnGateway.GATEWAY);
            assertThat(context.getBean(Clock.class)).isNotInstanceOf(FakeClock.class);
        });
    }

    @Test
    void anApplicationClockStoresAndPoliciesWin() {
        runner.withUserConfiguration(OwnParts.class).run(context -> {
            assertThat(context.getBean(Clock.class)).isSameAs(OwnParts.CLOCK);
            assertThat(context).hasSingleBean(FlowStore.class).hasSingleBean(AbuseControls.class)
                    .hasSingleBean(VerificationPolicy.class).hasSingleBean(Brand.class)
                    .hasSingleBean(AbuseControlPolicy.class);
            assertThat(context.getBean(FlowStore.class)).isSameAs(OwnParts.FLOWS);
            assertThat(context.getBean(AbuseControls.class)).isSameAs(OwnParts.ABUSE);
            assertThat(context.getBean(Brand.class)).isEqualTo(new Brand("Own"));
            assertThat(context.getBean(VerificationPolicy.class).codeLength()).isEqualTo(6);
            assertThat(context.getBean(AbuseControlPolicy.class)).isEqualTo(AbuseControlPolicy.none());
        });
    }

    @Test
    void anApplicationVerificationsWins() {
        runner.withUserConfiguration(OwnVerifications.class).run(context -> {
            assertThat(context).hasSingleBean(Verifications.class);
            assertThat(context.getBean(Verifications.class).policy().maxWrongAttempts()).isEqualTo(5);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGateway {
        static final VerificationGateway GATEWAY = FakeVerificationGateway.create();

        @Bean
        VerificationGateway ownGateway() {
            return GATEWAY;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnParts {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-04T10:15:30Z"), ZoneOffset.UTC);
        static final FlowStore FLOWS = InMemoryStores.flows(CLOCK);
        static final AbuseControls ABUSE = AbuseControls.off();

        @Bean
        Clock ownClock() {
            return CLOCK;
        }

        @Bean
        FlowStore ownFlows() {
            return FLOWS;
        }

        @Bean
        AbuseControls ownAbuse() {
            return ABUSE;
        }

        @Bean
        Brand ownBrand() {
            return new Brand("Own");
        }

        @Bean
        VerificationPolicy ownPolicy() {
            return VerificationPolicy.defaults().withCodeLength(6);
        }

        @Bean
        AbuseControlPolicy ownAbusePolicy() {
            return AbuseControlPolicy.none();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnVerifications {
        @Bean
        Verifications ownVerifications() {
            FakeVerificationGateway fake = FakeVerificationGateway.create();
            return Verifications.builder().gateway(fake).flows(InMemoryStores.flows(fake.clock()))
                    .abuseControls(AbuseControls.off()).brand(new Brand("Own")).clock(fake.clock())
                    .policy(VerificationPolicy.defaults().withMaxWrongAttempts(5)).build();
        }
    }
}
