package dev.phoneverify.spring;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.vonage.webhook.VonageVerifyWebhook;
import dev.phoneverify.adapter.vonage.webhook.WebhookSettings;
import dev.phoneverify.api.VerificationApi;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.service.Verifications;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code phoneverify.web.enabled=true} in a servlet application: the JSON API through Spring MVC, and the
 * fake's dev endpoints when the gateway is the fake.
 *
 * <p>On {@code phoneverify.gateway=vonage-v2} it also receives Vonage's signed v2 callbacks at
 * {@code phoneverify.web.webhook-path} ({@code POST /webhooks/vonage/verify}), checked with
 * {@code phoneverify.vonage.signature-secret}, and applies them to the flows.
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

    /** The v2 callback intake: the same {@link VonageVerifyWebhook} the Guice app serves. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(Chosen.VonageV2Gateway.class)
    static class Webhook {
        @Bean
        @ConditionalOnMissingBean
        VonageVerifyWebhook phoneVerifyWebhook(PhoneVerifyProperties properties, Verifications verifications,
                                               TokenReplayStore replays) {
            return new VonageVerifyWebhook(webhookSettings(properties, verifications), verifications, replays);
        }

        @Bean
        @ConditionalOnMissingBean
        VonageWebhookController phoneVerifyWebhookController(VonageVerifyWebhook intake) {
            return new VonageWebhookController(intake, WebhookSettings.DEFAULT_MAX_BODY_BYTES);
        }

        private static WebhookSettings webhookSettings(PhoneVerifyProperties properties, Verifications verifications) {
            VonageProperties vonage = properties.getVonage();
            String secret = vonage.getSignatureSecret();
            if (secret == null || secret.isBlank()) {
                throw new PhoneVerifyConfigException("phoneverify.vonage.signature-secret is not set: on"
                        + " phoneverify.gateway=vonage-v2 the webhook needs the account's signature secret (not the"
                        + " API secret) to check the callbacks Vonage signs");
            }
            WebhookSettings settings = WebhookSettings.of(secret, verifications.defaultWorkflow());
            if (vonage.getApiKey() != null && !vonage.getApiKey().isBlank()) {
                settings = settings.withApiKey(vonage.getApiKey());
            }
            if (vonage.getWebhookMaxAge() != null) {
                try {
                    settings = settings.withMaxAge(vonage.getWebhookMaxAge());
                } catch (IllegalArgumentException e) {
                    throw new PhoneVerifyConfigException("phoneverify.vonage.webhook-max-age must be 1s to 1h, was "
                            + vonage.getWebhookMaxAge());
                }
            }
            return settings;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(FakeVerificationGateway.class)
    DevController phoneVerifyDevController(FakeVerificationGateway fake, Verifications verifications) {
        return new DevController(fake, verifications);
    }
}
