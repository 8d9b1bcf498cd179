package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VonageConfigTest {

    private static VonageConfig.Builder valid() {
        return VonageConfig.builder().apiKey("KEY").apiSecret("s3cr3t-value");
    }

    @Test
    void defaultsAreVonagesBaseUriTenSecondsAndWorkflowOne() {
        VonageConfig config = valid().build();

        assertThat(config.baseUri()).isEqualTo(URI.create("https://api.nexmo.com"));
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.workflowId()).isEqualTo(1);
        assertThat(config.senderId()).isEmpty();
        assertThat(config.locale()).isEmpty();
        assertThat(config.pinExpiry()).isEmpty();
        assertThat(config.nextEventWait()).isEmpty();
        assertThat(config.sdkWireLogging()).isFalse();
    }

    @Test
    void toStringNeverShowsTheSecret() {
        assertThat(valid().build().toString()).doesNotContain("s3cr3t-value").contains("KEY");
    }

    @Test
    void everyOptionalSettingIsKept() {
        VonageConfig config = valid().baseUri("http://127.0.0.1:8089").timeout(Duration.ofMillis(500))
                .senderId("ACME").workflowId(4).locale(Locale.forLanguageTag("en-GB"))
                .pinExpiry(Duration.ofSeconds(240)).nextEventWait(Duration.ofSeconds(120))
                .clock(Clock.systemUTC()).build();

        assertThat(config.baseUri()).hasPort(8089);
        assertThat(config.senderId()).contains("ACME");
        assertThat(config.workflowId()).isEqualTo(4);
        assertThat(config.pinExpiry()).contains(Duration.ofSeconds(240));
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                bad("apiKey", b -> b.apiKey(null)),
                bad("apiKey", b -> b.apiKey(" ")),
                bad("apiSecret", b -> b.apiSecret(null)),
                bad("apiSecret", b -> b.apiSecret("")),
                bad("baseUri", b -> b.baseUri((URI) null)),
                bad("baseUri", b -> b.baseUri("ftp://example.com")),
                bad("baseUri", b -> b.baseUri("not a uri")),
                bad("baseUri", b -> b.baseUri("/relative/path")),
                bad("timeout", b -> b.timeout(null)),
                bad("timeout", b -> b.timeout(Duration.ofMillis(5))),
                bad("timeout", b -> b.timeout(Duration.ofHours(1))),
                bad("senderId", b -> b.senderId("")),
                bad("senderId", b -> b.senderId("TWELVECHARSX")),
                bad("senderId", b -> b.senderId("Acme Inc")),
                bad("workflowId", b -> b.workflowId(0)),
                bad("workflowId", b -> b.workflowId(8)),
                bad("locale", b -> b.locale(Locale.ENGLISH)),
                bad("locale", b -> b.locale(Locale.forLanguageTag("xx-yy"))),
                bad("pinExpiry", b -> b.pinExpiry(Duration.ofSeconds(59))),
                bad("pinExpiry", b -> b.pinExpiry(Duration.ofSeconds(3601))),
                bad("pinExpiry", b -> b.pinExpiry(Duration.ofMillis(60_500))),
                bad("nextEventWait", b -> b.nextEventWait(Duration.ofSeconds(59))),
                bad("nextEventWait", b -> b.nextEventWait(Duration.ofSeconds(901))),
                bad("pinExpiry", b -> b.pinExpiry(Duration.ofSeconds(300)).nextEventWait(Duration.ofSeconds(120))),
                bad("clock", b -> b.clock(null)));
    }

    private static Arguments bad(String setting, UnaryOperator<VonageConfig.Builder> change) {
        return Arguments.of(setting, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingIsRefusedNamingIt(String setting, UnaryOperator<VonageConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(setting)
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void pinExpiryThatIsAMultipleOfNextEventWaitIsAccepted() {
        VonageConfig config = valid().pinExpiry(Duration.ofSeconds(360)).nextEventWait(Duration.ofSeconds(120)).build();

        assertThat(config.pinExpiry()).contains(Duration.ofSeconds(360));
    }

    @Test
    void environmentGivesCredentialsBaseUrlAndTimeout() {
        VonageConfig config = VonageConfig.fromEnvironment(Map.of(
                "VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", "s3cr3t-value",
                "VONAGE_BASE_URL", "http://127.0.0.1:9999", "VONAGE_TIMEOUT_MS", "2500"));

        assertThat(config.apiKey()).isEqualTo("KEY");
        assertThat(config.apiSecret()).isEqualTo("s3cr3t-value");
        assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void environmentWithOnlyCredentialsKeepsTheDefaults() {
        VonageConfig config = VonageConfig.fromEnvironment(
                Map.of("VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", "s3cr3t-value"));

        assertThat(config.baseUri()).isEqualTo(VonageConfig.DEFAULT_BASE_URI);
        assertThat(config.timeout()).isEqualTo(VonageConfig.DEFAULT_TIMEOUT);
    }

    @Test
    void environmentMissingAVariableNamesIt() {
        assertThatThrownBy(() -> VonageConfig.fromEnvironment(Map.of("VONAGE_API_SECRET", "x")))
                .hasMessageContaining("VONAGE_API_KEY");
        assertThatThrownBy(() -> VonageConfig.fromEnvironment(Map.of("VONAGE_API_KEY", "x")))
                .hasMessageContaining("VONAGE_API_SECRET");
    }

    @Test
    void environmentWithABadTimeoutNamesIt() {
        assertThatThrownBy(() -> VonageConfig.fromEnvironment(Map.of(
                "VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", "x", "VONAGE_TIMEOUT_MS", "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VONAGE_TIMEOUT_MS");
    }

    @Test
    void environmentWithABadBaseUrlNamesIt() {
        assertThatThrownBy(() -> VonageConfig.fromEnvironment(Map.of(
                "VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", "x", "VONAGE_BASE_URL", "http://bad host")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VONAGE_BASE_URL");
    }
}
