package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** When the JSON API and the dev endpoints are served, and that the application's own controllers win. */
class PhoneVerifyWebAutoConfigurationTest {
    private static final AutoConfigurations BOTH = AutoConfigurations.of(PhoneVerifyAutoConfiguration.class,
            PhoneVerifyWebAutoConfiguration.class);
    private final WebApplicationContextRunner web = new WebApplicationContextRunner().withConfiguration(BOTH);

    @Test
    void theApiIsOffUntilEnabled() {
        web.run(context -> assertThat(context).doesNotHaveBean(VerificationController.class)
                .doesNotHaveBean(DevController.class));
    }

    @Test
    void enabledOnTheFakeTheApiAndTheDevEndpointsAreServed() {
        web.withPropertyValues("phoneverify.web.enabled=true").run(context ->
                assertThat(context).hasSingleBean(VerificationController.class).hasSingleBean(DevController.class));
    }

    @Test
    void onARealProviderThereAreNoDevEndpoints() {
        web.withPropertyValues("phoneverify.web.enabled=true", "phoneverify.gateway=vonage",
                "phoneverify.vonage.api-key=key123", "phoneverify.vonage.api-secret=secret123").run(context ->
                assertThat(context).hasSingleBean(VerificationController.class).doesNotHaveBean(DevController.class));
    }

    @Test
    void onVonageV2TheWebhookIsServedWithTheSignatureSecret() {
        web.withPropertyValues("phoneverify.web.enabled=true", "phoneverify.gateway=vonage-v2",
                "phoneverify.vonage.api-key=key123", "phoneverify.vonage.api-secret=secret123",
                "phoneverify.vonage.signature-secret=signature123").run(context ->
                assertThat(context).hasSingleBean(VonageWebhookController.class));
    }

    @Test
    void onVonageV2WithoutASignatureSecretStartUpFailsNamingTheProperty() {
        web.withPropertyValues("phoneverify.web.enabled=true", "phoneverify.gateway=vonage-v2",
                "phoneverify.vonage.api-key=key123", "phoneverify.vonage.api-secret=secret123").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("phoneverify.vonage.signature-secret"));
    }

    @Test
    void onV1AndOnTheFakeThereIsNoWebhook() {
        web.withPropertyValues("phoneverify.web.enabled=true").run(context ->
                assertThat(context).doesNotHaveBean(VonageWebhookController.class));
        web.withPropertyValues("phoneverify.web.enabled=true", "phoneverify.gateway=vonage",
                "phoneverify.vonage.api-key=key123", "phoneverify.vonage.api-secret=secret123").run(context ->
                assertThat(context).doesNotHaveBean(VonageWebhookController.class));
    }

    @Test
    void outsideAServletApplicationNothingIsServed() {
        new ApplicationContextRunner().withConfiguration(BOTH).withPropertyValues("phoneverify.web.enabled=true")
                .run(context -> assertThat(context).doesNotHaveBean(VerificationController.class));
    }

    @Test
    void anApplicationsOwnControllerWins() {
        web.withPropertyValues("phoneverify.web.enabled=true").withUserConfiguration(OwnController.class)
                .run(context -> assertThat(context.getBean(VerificationController.class))
                        .isSameAs(context.getBean("ownController")));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnController {
        @Bean
        VerificationController ownController(PhoneVerifyUseCases useCases, dev.phoneverify.core.service.Verifications v) {
            return new VerificationController(useCases, dev.phoneverify.api.VerificationApi.of(v));
        }
    }
}
