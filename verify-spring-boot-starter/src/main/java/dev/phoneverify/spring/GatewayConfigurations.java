package dev.phoneverify.spring;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.vonage.VonageV2VerificationGateway;
import dev.phoneverify.adapter.vonage.VonageVerificationGateway;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * One configuration per {@code phoneverify.gateway}; none of them applies when the application defines its own
 * {@link VerificationGateway}. The clock is the fake's on the fake (moving it moves every expiry), the system's
 * UTC clock otherwise.
 */
final class GatewayConfigurations {
    private GatewayConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.FakeGateway.class)
    @ConditionalOnMissingBean(VerificationGateway.class)
    static class Fake {
        /** A fresh fake whose clock ticks with the wall clock, so a person trying the API sees real expiry. */
        @Bean
        FakeVerificationGateway fakeVerificationGateway() {
            return FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime()).build();
        }

        @Bean
        @ConditionalOnMissingBean(Clock.class)
        FakeClock phoneVerifyClock(FakeVerificationGateway fake) {
            return fake.clock();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.VonageGateway.class)
    @ConditionalOnMissingBean(VerificationGateway.class)
    static class Vonage {
        @Bean
        VonageVerificationGateway vonageVerificationGateway(PhoneVerifyProperties properties, Clock clock) {
            return new VonageVerificationGateway(Settings.vonage(properties).withClock(clock));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.VonageV2Gateway.class)
    @ConditionalOnMissingBean(VerificationGateway.class)
    static class VonageV2 {
        @Bean
        VonageV2VerificationGateway vonageV2VerificationGateway(PhoneVerifyProperties properties, Clock clock) {
            return new VonageV2VerificationGateway(Settings.vonageV2(properties).withClock(clock));
        }
    }

    /** Imported after the gateways, so the fake's clock, when there is one, is found first. */
    @Configuration(proxyBeanMethods = false)
    static class SystemClock {
        @Bean
        @ConditionalOnMissingBean(Clock.class)
        Clock phoneVerifyClock() {
            return Clock.systemUTC();
        }
    }
}
