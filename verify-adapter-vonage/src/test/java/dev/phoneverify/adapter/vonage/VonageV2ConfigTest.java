package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.EmailAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VonageV2ConfigTest {
    private static final String SECRET = "s3cr3t-v2-value";

    @TempDir
    static Path files;

    private static Map<String, String> environment(String... more) {
        Map<String, String> environment = new HashMap<>(Map.of("VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", SECRET));
        for (int i = 0; i < more.length; i += 2) {
            environment.put(more[i], more[i + 1]);
        }
        return environment;
    }

    private static String keyFile(byte[] contents) {
        try {
            Path path = Files.createTempFile(files, "key", ".pem");
            Files.write(path, contents);
            return path.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void credentialsAloneGiveBasicAuthVonagesAddressAndNoWhatsApp() {
        VonageV2Config config = VonageV2Config.fromEnvironment(environment());

        assertThat(config.apiKey()).isEqualTo("KEY");
        assertThat(config.apiSecret()).isEqualTo(SECRET);
        assertThat(config.application()).isEmpty();
        assertThat(config.baseUri()).isEqualTo(URI.create("https://api.nexmo.com"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.whatsappFrom()).isEmpty();
        assertThat(config.emailFrom()).isEmpty();
    }

    @Test
    void everyVariableIsRead() {
        VonageV2Config config = VonageV2Config.fromEnvironment(environment(
                "VONAGE_APPLICATION_ID", TestApplication.ID.toString(),
                "VONAGE_PRIVATE_KEY_PATH", keyFile(TestApplication.privateKeyPem()),
                "VONAGE_BASE_URL", "http://127.0.0.1:9999", "VONAGE_TIMEOUT_MS", "2500",
                "VONAGE_WHATSAPP_FROM", "+447700400080", "VONAGE_EMAIL_FROM", "verify@acme.example"));

        assertThat(config.application()).contains(TestApplication.application());
        assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.whatsappFrom()).contains("447700400080");
        assertThat(config.emailFrom()).contains(EmailAddress.parse("verify@acme.example"));
    }

    @Test
    void toStringShowsNeitherTheSecretNorThePrivateKey() {
        VonageV2Config config = VonageV2Config.builder().apiKey("KEY").apiSecret(SECRET)
                .application(TestApplication.application()).build();

        assertThat(config.toString()).contains("KEY", TestApplication.ID.toString()).doesNotContain(SECRET)
                .doesNotContain("PRIVATE KEY").doesNotContain(TestApplication.privateKeyBase64().substring(0, 20));
        assertThat(TestApplication.application().toString()).doesNotContain("PRIVATE KEY");
    }

    static Stream<Arguments> badEnvironments() {
        String notAKey = keyFile("-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"
                .getBytes(StandardCharsets.US_ASCII));
        return Stream.of(
                Arguments.of(Map.of("VONAGE_API_SECRET", SECRET), "VONAGE_API_KEY",
                        "VONAGE_API_KEY is not set; the vonage-v2 gateway needs VONAGE_API_KEY and VONAGE_API_SECRET"),
                Arguments.of(Map.of("VONAGE_API_KEY", "KEY"), "VONAGE_API_SECRET", "VONAGE_API_SECRET is not set"),
                Arguments.of(environment("VONAGE_APPLICATION_ID", TestApplication.ID.toString()),
                        "VONAGE_PRIVATE_KEY_PATH", "VONAGE_PRIVATE_KEY_PATH is not set; JWT auth needs both"),
                Arguments.of(environment("VONAGE_PRIVATE_KEY_PATH", "/tmp/key.pem"), "VONAGE_APPLICATION_ID",
                        "VONAGE_APPLICATION_ID is not set; JWT auth needs both"),
                Arguments.of(environment("VONAGE_APPLICATION_ID", "my-app", "VONAGE_PRIVATE_KEY_PATH", "/tmp/k"),
                        "VONAGE_APPLICATION_ID", "VONAGE_APPLICATION_ID must be the application's id, a UUID"),
                Arguments.of(environment("VONAGE_APPLICATION_ID", TestApplication.ID.toString(),
                        "VONAGE_PRIVATE_KEY_PATH", "/no/such/key.pem"), "VONAGE_PRIVATE_KEY_PATH",
                        "VONAGE_PRIVATE_KEY_PATH must name a readable private key file, was '/no/such/key.pem'"),
                Arguments.of(environment("VONAGE_APPLICATION_ID", TestApplication.ID.toString(),
                        "VONAGE_PRIVATE_KEY_PATH", notAKey), "VONAGE_PRIVATE_KEY_PATH",
                        "VONAGE_PRIVATE_KEY_PATH must name a PKCS#8 PEM private key file"),
                Arguments.of(environment("VONAGE_WHATSAPP_FROM", "Acme"), "VONAGE_WHATSAPP_FROM",
                        "VONAGE_WHATSAPP_FROM must be the WhatsApp Business number in E.164 form, such as "
                                + "+447700900000, was 'Acme'"),
                Arguments.of(environment("VONAGE_EMAIL_FROM", "verify at acme"), "VONAGE_EMAIL_FROM",
                        "VONAGE_EMAIL_FROM must be an email address such as verify@example.com, was 'verify at acme'"),
                Arguments.of(environment("VONAGE_BASE_URL", "ftp://x"), "VONAGE_BASE_URL",
                        "VONAGE_BASE_URL must be an absolute http(s) URL"),
                Arguments.of(environment("VONAGE_TIMEOUT_MS", "0"), "VONAGE_TIMEOUT_MS",
                        "VONAGE_TIMEOUT_MS must be whole milliseconds from 10 to 600000, was '0'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badEnvironments")
    void badVariableIsRefusedNamingIt(Map<String, String> environment, String variable, String message) {
        assertThatThrownBy(() -> VonageV2Config.fromEnvironment(environment))
                .isInstanceOfSatisfying(VonageConfigException.class,
                        refused -> assertThat(refused.variable()).isEqualTo(variable))
                .hasMessageContaining(message)
                .hasMessageNotContaining(SECRET)
                .hasMessageNotContaining("bm90IGEga2V5");
    }

    @Test
    void builderRefusesAWhatsAppSenderThatIsNotANumber() {
        assertThatThrownBy(() -> VonageV2Config.builder().apiKey("KEY").apiSecret(SECRET).whatsappFrom("+4477").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whatsappFrom");
    }
}
