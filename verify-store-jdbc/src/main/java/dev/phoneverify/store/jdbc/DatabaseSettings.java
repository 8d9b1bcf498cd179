package dev.phoneverify.store.jdbc;

import java.time.Duration;
import java.util.Objects;

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
