package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.vonage.VonageConfig;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppConfigTest {

    private static AppConfig read(Map<String, String> environment) {
        return AppConfig.from(environment, new Properties());
    }

    private static void assertRefused(Map<String, String> environment, String expected) {
        assertThatThrownBy(() -> read(environment))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void noSettingsMeansTheFakeOnPort8080WithTheDefaultBrand() {
        AppConfig config = read(Map.of());

        assertThat(config.gateway()).isEqualTo(AppConfig.Gateway.FAKE);
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.brand().value()).isEqualTo("phone-verify");
        assertThat(config.vonage()).isEmpty();
        assertThat(config.store()).isEqualTo(AppConfig.Store.MEMORY);
        assertThat(config.postgres()).isEmpty();
    }

    @Test
    void thePostgresStoreReadsTheDatabaseSettingsAndNeverShowsThePassword() {
        AppConfig config = read(Map.of("VERIFY_STORE", "postgres", "VERIFY_DB_URL", "jdbc:postgresql://db:5432/verify",
                "VERIFY_DB_USER", "verify", "VERIFY_DB_PASSWORD", "s3cret"));

        assertThat(config.store()).isEqualTo(AppConfig.Store.POSTGRES);
        assertThat(config.postgres()).contains(
                DatabaseSettings.of("jdbc:postgresql://db:5432/verify", "verify", "s3cret"));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void aDatabaseWithoutAPasswordIsAllowedForTrustedLogins() {
        AppConfig config = read(Map.of("VERIFY_STORE", "postgres", "VERIFY_DB_URL", "jdbc:postgresql://db/verify",
                "VERIFY_DB_USER", "verify"));

        assertThat(config.postgres().orElseThrow().password()).isEmpty();
    }

    @Test
    void vonageCredentialsSelectVonageWhenNoGatewayIsNamed() {
        AppConfig config = read(Map.of("VONAGE_API_KEY", "key", "VONAGE_API_SECRET", "s3cret",
                "VONAGE_BASE_URL", "http://127.0.0.1:9999", "VONAGE_TIMEOUT_MS", "2500"));

        assertThat(config.gateway()).isEqualTo(AppConfig.Gateway.VONAGE);
        VonageConfig vonage = config.vonage().orElseThrow();
        assertThat(vonage.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(vonage.timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void onlyAKeyIsNotEnoughToSelectVonage() {
        assertThat(read(Map.of("VONAGE_API_KEY", "key")).gateway()).isEqualTo(AppConfig.Gateway.FAKE);
    }

    @Test
    void anExplicitFakeWinsOverCredentials() {
        AppConfig config = read(Map.of("VERIFY_GATEWAY", "fake", "VONAGE_API_KEY", "k", "VONAGE_API_SECRET", "s"));

        assertThat(config.gateway()).isEqualTo(AppConfig.Gateway.FAKE);
    }

    @Test
    void aSystemPropertyOverridesTheEnvironment() {
        Properties overrides = new Properties();
        overrides.setProperty("PORT", "0");
        overrides.setProperty("VERIFY_BRAND", "Acme");

        AppConfig config = AppConfig.from(Map.of("PORT", "9000"), overrides);

        assertThat(config.port()).isZero();
        assertThat(config.brand().value()).isEqualTo("Acme");
    }

    @Test
    void badSettingsStopStartUpWithOneClearLine() {
        assertRefused(Map.of("PORT", "eighty"), "PORT must be a number from 0 to 65535");
        assertRefused(Map.of("PORT", "70000"), "PORT");
        assertRefused(Map.of("VERIFY_GATEWAY", "twilio"), "VERIFY_GATEWAY must be 'fake' or 'vonage'");
        assertRefused(Map.of("VERIFY_GATEWAY", "vonage"), "VONAGE_API_KEY is not set");
        assertRefused(Map.of("VERIFY_GATEWAY", "vonage", "VONAGE_API_KEY", "k"), "VONAGE_API_SECRET is not set");
        assertRefused(Map.of("VONAGE_API_KEY", "k", "VONAGE_API_SECRET", "s", "VONAGE_BASE_URL", "ftp://x"),
                "VONAGE_BASE_URL");
        assertRefused(Map.of("VONAGE_API_KEY", "k", "VONAGE_API_SECRET", "s", "VONAGE_TIMEOUT_MS", "-1"),
                "VONAGE_TIMEOUT_MS");
        assertRefused(Map.of("VERIFY_BRAND", "a brand name that is far too long"), "VERIFY_BRAND");
        assertRefused(Map.of("PORT", "1\n2"), "PORT");
        assertRefused(Map.of("VERIFY_STORE", "redis"), "VERIFY_STORE must be 'memory' or 'postgres', was 'redis'");
        assertRefused(Map.of("VERIFY_STORE", "postgres"), "VERIFY_DB_URL is not set");
        assertRefused(Map.of("VERIFY_STORE", "postgres", "VERIFY_DB_URL", "jdbc:mysql://db/verify",
                "VERIFY_DB_USER", "verify"), "VERIFY_DB_URL must be a jdbc:postgresql://host:port/database URL");
        assertRefused(Map.of("VERIFY_STORE", "postgres", "VERIFY_DB_URL", "jdbc:postgresql://db/verify"),
                "VERIFY_DB_USER is not set");
        assertRefused(Map.of("VERIFY_DB_URL", "jdbc:postgresql://db/verify"),
                "VERIFY_DB_URL is set but VERIFY_STORE is not");
    }
}
