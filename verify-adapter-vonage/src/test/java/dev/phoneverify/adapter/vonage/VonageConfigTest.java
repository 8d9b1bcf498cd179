package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
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
        assertThat(config.timings().workflow().id()).isEqualTo(1);
        assertThat(config.senderId()).isEmpty();
        assertThat(config.locale()).isEmpty();
        assertThat(config.timings().pinExpiry()).isEmpty();
        assertThat(config.timings().nextEventWait()).isEmpty();
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
        assertThat(config.timings().workflow().id()).isEqualTo(4);
        assertThat(config.timings().pinExpiry()).contains(Duration.ofSeconds(240));
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

        assertThat(config.timings().pinExpiry()).contains(Duration.ofSeconds(360));
    }

    @Test
    void timingsCanBeGivenWhole() {
        V1Timings timings = V1Timings.of(V1Workflow.TTS_ONLY).withPinExpiry(Duration.ofSeconds(600));

        assertThat(valid().timings(timings).build().timings()).isEqualTo(timings);
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

    @Test
    void blankVariablesCountAsUnset() {
        VonageConfig config = VonageConfig.fromEnvironment(Map.of("VONAGE_API_KEY", " KEY ",
                "VONAGE_API_SECRET", "s3cr3t-value", "VONAGE_BASE_URL", " ", "VONAGE_TIMEOUT_MS", ""));

        assertThat(config.apiKey()).isEqualTo("KEY");
        assertThat(config.baseUri()).isEqualTo(VonageConfig.DEFAULT_BASE_URI);
        assertThat(config.timeout()).isEqualTo(VonageConfig.DEFAULT_TIMEOUT);
        assertThatThrownBy(() -> VonageConfig.fromEnvironment(Map.of("VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", " ")))
                .hasMessage("VONAGE_API_SECRET is not set; the vonage gateway needs VONAGE_API_KEY and VONAGE_API_SECRET");
    }

    static Stream<Arguments> badVariables() {
        return Stream.of(
                Arguments.of("VONAGE_BASE_URL", "ftp://example.com",
                        "VONAGE_BASE_URL must be an absolute http(s) URL such as https://api.nexmo.com, was "
                                + "'ftp://example.com'"),
                Arguments.of("VONAGE_BASE_URL", "/relative", "VONAGE_BASE_URL must be an absolute http(s) URL"),
                Arguments.of("VONAGE_TIMEOUT_MS", "-1",
                        "VONAGE_TIMEOUT_MS must be whole milliseconds from 10 to 600000, was '-1'"),
                Arguments.of("VONAGE_TIMEOUT_MS", "9", "VONAGE_TIMEOUT_MS must be whole milliseconds from 10 to 600000"),
                Arguments.of("VONAGE_TIMEOUT_MS", "600001", "from 10 to 600000, was '600001'"),
                Arguments.of("VONAGE_TIMEOUT_MS", "2.5s", "VONAGE_TIMEOUT_MS must be whole milliseconds"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badVariables")
    void badVariableIsRefusedNamingItAndSayingWhatItMustBe(String variable, String value, String message) {
        Map<String, String> environment = Map.of("VONAGE_API_KEY", "KEY", "VONAGE_API_SECRET", "s3cr3t-value",
                variable, value);

        assertThatThrownBy(() -> VonageConfig.fromEnvironment(environment))
                .isInstanceOfSatisfying(VonageConfigException.class,
                        refused -> assertThat(refused.variable()).isEqualTo(variable))
                .hasMessageContaining(message)
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void clockCanBeSetAfterReadingTheEnvironment() {
        Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);

        VonageConfig config = VonageConfig.fromEnvironment(Map.of("VONAGE_API_KEY", "KEY",
                "VONAGE_API_SECRET", "s3cr3t-value")).withClock(clock);

        assertThat(config.clock()).isSameAs(clock);
        assertThat(config.apiKey()).isEqualTo("KEY");
    }
}
