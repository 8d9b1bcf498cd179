package dev.phoneverify.store.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the PostgreSQL stores live and how the pool behaves.
 *
 * @param url               a {@code jdbc:postgresql://host:port/database} URL
 * @param connectionTimeout how long a store call waits for a connection before it reports the store unavailable;
 *                          short, so an outage turns into quick errors rather than piled-up requests
 * @param maxPoolSize       connections per instance; every instance sharing the database has its own pool
 */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize,
                               Duration connectionTimeout) {
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** HikariCP refuses anything shorter. */
    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:postgresql:, was " + url);
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1, was " + maxPoolSize);
        }
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least " + MIN_CONNECTION_TIMEOUT.toMillis()
                    + " ms, was " + connectionTimeout.toMillis() + " ms");
        }
    }

    /**
     * Reads {@code VERIFY_DB_URL} and {@code VERIFY_DB_USER} (both required) and {@code VERIFY_DB_PASSWORD} (may be
     * unset, for a server that trusts the host or reads {@code ~/.pgpass}) from a map such as {@code System.getenv()};
     * a blank value counts as unset. The pool keeps its defaults.
     *
     * @throws IllegalArgumentException one line naming the first missing or malformed variable, never the password
     */
    public static DatabaseSettings fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        String url = variable(environment, "VERIFY_DB_URL").orElseThrow(() -> new IllegalArgumentException(
                "VERIFY_DB_URL is not set; the postgres store needs VERIFY_DB_URL and VERIFY_DB_USER"));
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("VERIFY_DB_URL must be a jdbc:postgresql://host:port/database URL, was '"
                    + printable(url) + "'");
        }
        String user = variable(environment, "VERIFY_DB_USER").orElseThrow(() -> new IllegalArgumentException(
                "VERIFY_DB_USER is not set; the postgres store needs VERIFY_DB_URL and VERIFY_DB_USER"));
        return of(url, user, environment.getOrDefault("VERIFY_DB_PASSWORD", ""));
    }

    private static Optional<String> variable(Map<String, String> environment, String name) {
        String raw = environment.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    /** Keeps an echoed value on one short line, whatever was typed. */
    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }

    /** Settings with the default pool size and connection timeout. */
    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_MAX_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    public DatabaseSettings withMaxPoolSize(int size) {
        return new DatabaseSettings(url, user, password, size, connectionTimeout);
    }

    public DatabaseSettings withConnectionTimeout(Duration timeout) {
        return new DatabaseSettings(url, user, password, maxPoolSize, timeout);
    }

    /** Leaves the password out, so settings can be logged. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize
                + ", connectionTimeout=" + connectionTimeout + "]";
    }
}
