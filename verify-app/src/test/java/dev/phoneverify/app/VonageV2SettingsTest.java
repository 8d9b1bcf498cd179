package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code VERIFY_GATEWAY=vonage-v2}: what it reads, and the one-line refusal naming each wrong or missing setting. */
class VonageV2SettingsTest {
    private static final String SIGNATURE_SECRET = "sig-secret-never-shown-0123456789";

    private static Map<String, String> v2(String... more) {
        Map<String, String> settings = new HashMap<>(Map.of("VERIFY_GATEWAY", "vonage-v2", "VONAGE_API_KEY", "key1",
                "VONAGE_API_SECRET", "api-secret-never-shown", "VONAGE_SIGNATURE_SECRET", SIGNATURE_SECRET));
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    private static AppConfig read(Map<String, String> settings) {
        return AppConfig.from(settings, new Properties());
    }

    private static void assertRefused(Map<String, String> settings, String named) {
        assertThatThrownBy(() -> read(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(named)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain(SIGNATURE_SECRET)
                        .doesNotContain("api-secret-never-shown"));
    }

    @Test
    void theDefaultsAreSmsThenVoiceWithVonagesTimeoutOnTheDocumentedPath() {
        AppConfig config = read(v2());

        assertThat(config.gateway()).isEqualTo(AppConfig.Gateway.VONAGE_V2);
        assertThat(config.gateway().configName()).isEqualTo("vonage-v2");
        assertThat(config.vonage()).isEmpty();
        VonageV2Settings settings = config.vonageV2().orElseThrow();
        assertThat(settings.workflow().channels()).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(settings.workflow().hasStepTimeouts()).isFalse();
        assertThat(settings.webhookPath()).isEqualTo("/webhooks/vonage/verify");
        assertThat(settings.webhook().maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.webhook().apiKey()).contains("key1");
        assertThat(config.toString()).doesNotContain(SIGNATURE_SECRET).doesNotContain("api-secret-never-shown");
    }

    @Test
    void everySettingIsRead() {
        VonageV2Settings settings = read(v2("VERIFY_WORKFLOW", "whatsapp, sms,voice", "VERIFY_CHANNEL_TIMEOUT", "60",
                "VONAGE_WHATSAPP_FROM", "+447700900999", "VONAGE_EMAIL_FROM", "verify@example.com",
                "VERIFY_WEBHOOK_PATH", "/hooks/v2", "VERIFY_WEBHOOK_MAX_AGE", "120",
                "VONAGE_BASE_URL", "http://127.0.0.1:8089")).vonageV2().orElseThrow();

        assertThat(settings.workflow().channels()).containsExactly(Channel.WHATSAPP, Channel.SMS, Channel.VOICE);
        assertThat(settings.workflow().steps()).allSatisfy(step ->
                assertThat(step.timeout()).contains(Duration.ofSeconds(60)));
        assertThat(settings.gateway().whatsappFrom()).contains("447700900999");
        assertThat(settings.gateway().emailFrom().map(Object::toString)).isNotEmpty();
        assertThat(settings.webhookPath()).isEqualTo("/hooks/v2");
        assertThat(settings.webhook().maxAge()).isEqualTo(Duration.ofSeconds(120));
        assertThat(settings.gateway().baseUri().toString()).isEqualTo("http://127.0.0.1:8089");
    }

    @Test
    void anEmailWorkflowIsAccepted() {
        assertThat(read(v2("VERIFY_WORKFLOW", "sms,email")).vonageV2().orElseThrow().workflow().hasEmailStep())
                .isTrue();
    }

    @Test
    void theSignatureSecretIsRequired() {
        Map<String, String> settings = v2();
        settings.remove("VONAGE_SIGNATURE_SECRET");

        assertRefused(settings, "VONAGE_SIGNATURE_SECRET is not set");
    }

    @Test
    void theApiCredentialsAreRequired() {
        Map<String, String> settings = v2();
        settings.remove("VONAGE_API_SECRET");

        assertRefused(settings, "VONAGE_API_SECRET");
    }

    @Test
    void aWrongWorkflowIsRefused() {
        assertRefused(v2("VERIFY_WORKFLOW", "sms,pigeon"), "VERIFY_WORKFLOW");
        assertRefused(v2("VERIFY_WORKFLOW", "sms,voice,sms,voice"), "VERIFY_WORKFLOW");
        assertRefused(v2("VERIFY_WORKFLOW", ","), "VERIFY_WORKFLOW");
    }

    @Test
    void aChannelTimeoutOutsideVonagesRangeIsRefused() {
        assertRefused(v2("VERIFY_CHANNEL_TIMEOUT", "14"), "VERIFY_CHANNEL_TIMEOUT");
        assertRefused(v2("VERIFY_CHANNEL_TIMEOUT", "901"), "VERIFY_CHANNEL_TIMEOUT");
        assertRefused(v2("VERIFY_CHANNEL_TIMEOUT", "3m"), "VERIFY_CHANNEL_TIMEOUT");
    }

    @Test
    void aWhatsAppStepNeedsASender() {
        assertRefused(v2("VERIFY_WORKFLOW", "whatsapp,sms"), "VONAGE_WHATSAPP_FROM is not set");
        assertRefused(v2("VERIFY_WORKFLOW", "whatsapp,sms", "VONAGE_WHATSAPP_FROM", "not-a-number"),
                "VONAGE_WHATSAPP_FROM");
    }

    @Test
    void aMalformedEmailSenderIsRefused() {
        assertRefused(v2("VERIFY_WORKFLOW", "sms,email", "VONAGE_EMAIL_FROM", "nobody"), "VONAGE_EMAIL_FROM");
    }

    @Test
    void anApplicationNeedsBothItsIdAndItsKey() {
        assertRefused(v2("VONAGE_APPLICATION_ID", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"), "VONAGE_PRIVATE_KEY_PATH");
        assertRefused(v2("VONAGE_APPLICATION_ID", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab",
                "VONAGE_PRIVATE_KEY_PATH", "/nonexistent/key.pem"), "VONAGE_PRIVATE_KEY_PATH");
        assertRefused(v2("VONAGE_APPLICATION_ID", "app-1", "VONAGE_PRIVATE_KEY_PATH", "/nonexistent/key.pem"),
                "VONAGE_APPLICATION_ID");
    }

    @Test
    void aWrongBaseUrlIsRefused() {
        assertRefused(v2("VONAGE_BASE_URL", "ftp://emulator"), "VONAGE_BASE_URL");
    }

    @Test
    void aWrongWebhookPathIsRefused() {
        assertRefused(v2("VERIFY_WEBHOOK_PATH", "webhooks"), "VERIFY_WEBHOOK_PATH");
        assertRefused(v2("VERIFY_WEBHOOK_PATH", "/api/webhooks"), "VERIFY_WEBHOOK_PATH");
        assertRefused(v2("VERIFY_WEBHOOK_PATH", "/verify"), "VERIFY_WEBHOOK_PATH");
        assertRefused(v2("VERIFY_WEBHOOK_PATH", "/hooks/{id}"), "VERIFY_WEBHOOK_PATH");
    }

    @Test
    void aWrongAllowedAgeIsRefused() {
        assertRefused(v2("VERIFY_WEBHOOK_MAX_AGE", "0"), "VERIFY_WEBHOOK_MAX_AGE");
        assertRefused(v2("VERIFY_WEBHOOK_MAX_AGE", "five minutes"), "VERIFY_WEBHOOK_MAX_AGE");
    }

    @Test
    void theV1GatewayIsStillChosenByCredentialsAlone() {
        AppConfig config = read(Map.of("VONAGE_API_KEY", "key1", "VONAGE_API_SECRET", "s"));

        assertThat(config.gateway()).isEqualTo(AppConfig.Gateway.VONAGE);
        assertThat(config.vonageV2()).isEqualTo(Optional.empty());
    }
}
