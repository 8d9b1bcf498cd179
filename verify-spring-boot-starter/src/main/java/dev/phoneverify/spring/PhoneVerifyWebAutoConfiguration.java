package dev.phoneverify.spring;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.api.VerificationApi;
import dev.phoneverify.core.service.Verifications;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * With {@code phoneverify.web.enabled=true} in a servlet application: the JSON API through Spring MVC, and the
 * fake's dev endpoints when the gateway is the fake.
 *
 * <p>The Vonage Verify v2 webhook intake ({@code POST /webhooks/vonage/verify}) joins here, as one more
 * controller bean behind its own condition, once verify-adapter-vonage ships it.
 */
@AutoConfiguration(after = PhoneVerifyAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@ConditionalOnProperty(prefix = "phoneverify.web", name = "enabled", havingValue = "true")
@ConditionalOnBean(Verifications.class)
public final class PhoneVerifyWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    VerificationApi phoneVerifyApi(Verifications verifications) {
        return VerificationApi.of(verifications);
    }

    @Bean
    @ConditionalOnMissingBean
    VerificationController verificationController(PhoneVerifyUseCases useCases, VerificationApi api) {
        return new VerificationController(useCases, api);
    }

    @Bean
    @ConditionalOnMissingBean
    ApiProblems phoneVerifyApiProblems() {
        return new ApiProblems();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(FakeVerificationGateway.class)
    DevController phoneVerifyDevController(FakeVerificationGateway fake, Verifications verifications) {
        return new DevController(fake, verifications);
    }
}
