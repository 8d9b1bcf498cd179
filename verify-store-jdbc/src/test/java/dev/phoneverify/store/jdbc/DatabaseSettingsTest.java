package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store's settings read from the environment once, here, with messages that name the variable. */
class DatabaseSettingsTest {

    @Test
    void theEnvironmentGivesTheDatabaseTheLoginAndThePoolDefaults() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("VERIFY_DB_URL",
                " jdbc:postgresql://db:5432/verify ", "VERIFY_DB_USER", "verify", "VERIFY_DB_PASSWORD", "s3cret"));

        assertThat(settings).isEqualTo(DatabaseSettings.of("jdbc:postgresql://db:5432/verify", "verify", "s3cret"));
        assertThat(settings.maxPoolSize()).isEqualTo(DatabaseSettings.DEFAULT_MAX_POOL_SIZE);
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void noPasswordIsAnEmptyOneForAServerThatTrustsTheHost() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment(Map.of("VERIFY_DB_URL",
                "jdbc:postgresql://db/verify", "VERIFY_DB_USER", "verify"));

        assertThat(settings.password()).isEmpty();
    }

    @Test
    void aMissingOrMalformedVariableIsRefusedByName() {
        assertRefused(Map.of(), "VERIFY_DB_URL is not set; the postgres store needs VERIFY_DB_URL and VERIFY_DB_USER");
        assertRefused(Map.of("VERIFY_DB_URL", "  ", "VERIFY_DB_USER", "verify"),
                "VERIFY_DB_URL is not set; the postgres store needs VERIFY_DB_URL and VERIFY_DB_USER");
        assertRefused(Map.of("VERIFY_DB_URL", "jdbc:mysql://db/verify", "VERIFY_DB_USER", "verify"),
                "VERIFY_DB_URL must be a jdbc:postgresql://host:port/database URL, was 'jdbc:mysql://db/verify'");
        assertRefused(Map.of("VERIFY_DB_URL", "jdbc:postgresql://db/verify"),
                "VERIFY_DB_USER is not set; the postgres store needs VERIFY_DB_URL and VERIFY_DB_USER");
    }

    @Test
    void anEchoedValueStaysOnOneShortLine() {
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(Map.of("VERIFY_DB_URL",
                "mysql://\n" + "x".repeat(100), "VERIFY_DB_USER", "verify")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 'mysql://?xxx")
                .hasMessageEndingWith("...'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static void assertRefused(Map<String, String> environment, String message) {
        assertThatThrownBy(() -> DatabaseSettings.fromEnvironment(environment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
