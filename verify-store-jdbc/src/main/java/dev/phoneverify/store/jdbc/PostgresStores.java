package dev.phoneverify.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Entry point of the PostgreSQL stores: opens a HikariCP pool, brings the schema up to date with Flyway, and
 * hands out stores over that pool. One per app instance; close it on shutdown.
 *
 * <p>The migrations live in {@code classpath:db/phoneverify} and are recorded in their own history table, so an
 * app that runs Flyway for its own schema in the same database keeps its history apart.
 */
public final class PostgresStores implements AutoCloseable {
    /** Where the migrations are, and the table that records them. */
    static final String MIGRATIONS = "classpath:db/phoneverify";
    static final String HISTORY_TABLE = "phoneverify_schema_history";
    private static final String ALIVE_BYPASS_WINDOW_PROPERTY = "com.zaxxer.hikari.aliveBypassWindowMs";
    /** HikariCP's keepalive of idle connections, and the watch's ping of a quiet server. */
    private static final Duration KEEPALIVE = Duration.ofSeconds(30);
    /** HikariCP refuses less. */
    private static final Duration MIN_VALIDATION_TIMEOUT = Duration.ofMillis(250);

    private final DatabaseConnections pool;

    private PostgresStores(DatabaseConnections pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws StoreStartupException the database is unreachable, refused the login, or could not be migrated
     */
    public static PostgresStores connect(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        DatabaseConnections pool;
        try {
            pool = DatabaseConnections.open(settings, driver -> trustedBetweenKeepalives(poolConfig(settings, driver)),
                    KEEPALIVE);
        } catch (SQLException | RuntimeException e) {
            throw new StoreStartupException("cannot connect to the flow database " + settings.url() + " as "
                    + settings.user() + ": " + rootMessage(e), e);
        }
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreStartupException("cannot migrate the flow database " + settings.url() + ": "
                    + rootMessage(e), e);
        }
        return new PostgresStores(pool);
    }

    /**
     * Applies the pending migrations to {@code dataSource}; a schema already up to date is left as it is. For an
     * application that hands the stores its own pool (the Spring Boot starter does), instead of {@link #connect}.
     */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
    }

    /** A flow store that keeps finished flows for {@code retention} before {@link JdbcFlowStore#purgeBeyondRetention}. */
    public JdbcFlowStore flowStore(Clock clock, Duration retention) {
        return new JdbcFlowStore(pool, clock, retention);
    }

    /** A flow store with {@link JdbcFlowStore#DEFAULT_RETENTION}. */
    public JdbcFlowStore flowStore(Clock clock) {
        return new JdbcFlowStore(pool, clock);
    }

    /** The idempotency keys of starts, shared by every instance on this database, kept as long as their flows. */
    public JdbcIdempotencyStore idempotencyStore() {
        return new JdbcIdempotencyStore(pool);
    }

    /** A send-limit store shared by every instance on this database. */
    public JdbcRateLimitStore rateLimitStore() {
        return new JdbcRateLimitStore(pool);
    }

    /** Token ids a webhook intake accepted, shared by every instance on this database. */
    public JdbcTokenReplayStore tokenReplayStore() {
        return new JdbcTokenReplayStore(pool);
    }

    /** A conversion-stats store with {@link JdbcConversionStatsStore#DEFAULT_RETENTION}. */
    public JdbcConversionStatsStore conversionStatsStore(Clock clock) {
        return new JdbcConversionStatsStore(pool, clock);
    }

    /**
     * {@code policy}'s abuse controls, counting in this database's stores, so every instance on it shares the
     * counts: the explicit choice for several instances, where in-memory counters would each count alone.
     */
    public AbuseControls abuseControls(AbuseControlPolicy policy, Clock clock) {
        return new AbuseControls(policy, rateLimitStore(), conversionStatsStore(clock));
    }

    /** The pool, for an app that keeps more of its own data in the same database. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Whether the database answers now, checked with a connection of its own outside the pool (so a readiness
     * probe neither waits for a pooled connection nor takes one from a request). A failed check makes store calls
     * fail at once until a later check or call connects again.
     */
    public boolean isAvailable() {
        return pool.checkNow();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(DatabaseSettings settings, DataSource driver) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("phone-verify");
        // Connections come from the driver through the gate's DataSource, which tells the gate of every refusal.
        config.setDataSource(driver);
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Connections are opened for callers that wait, never in the background. HikariCP's default keeps the
        // pool full: after an outage its connection adder retries with a back-off growing to 5 s, longer than the
        // connection timeout. With no minimum, nothing retries while nobody waits.
        config.setMinimumIdle(0);
        // Idle connections are tested every 30 s (HikariCP's least), so a quiet instance finds dead ones too.
        config.setKeepaliveTime(KEEPALIVE.toMillis());
        // A liveness test never takes longer than a caller may wait in all.
        config.setValidationTimeout(Math.max(MIN_VALIDATION_TIMEOUT.toMillis(),
                settings.connectionTimeout().toMillis() / 2));
        // Try the first connection once, at start, so a wrong URL fails start-up instead of the first request.
        config.setInitializationFailTimeout(1);
        return config;
    }

    /**
     * Makes the pool hand out a connection without testing it first (a round trip on every borrow) unless it sat
     * unused for longer than a keepalive period. A connection dies with its server, and the server's going is
     * seen by the pool's {@link ServerWatch} when it happens: the gate closes and the whole pool is replaced
     * before anyone borrows again, so no connection that died with a server is handed out. What the watch cannot
     * see (one session killed alone, a connection a firewall dropped) is found by HikariCP's keepalive, or
     * surfaces as a connection failure that closes the gate, and a connection older than the keepalive period is
     * tested as HikariCP would. HikariCP reads the window only from a system property, when a pool is made (its
     * default, 500 ms, would test every connection of a quiet instance); it is set for the making of this pool
     * and restored at once, so no other pool in the JVM is affected.
     */
    private static HikariDataSource trustedBetweenKeepalives(HikariConfig config) {
        synchronized (PostgresStores.class) {
            String previous = System.getProperty(ALIVE_BYPASS_WINDOW_PROPERTY);
            System.setProperty(ALIVE_BYPASS_WINDOW_PROPERTY, Long.toString(KEEPALIVE.toMillis()));
            try {
                return new HikariDataSource(config);
            } finally {
                if (previous == null) {
                    System.clearProperty(ALIVE_BYPASS_WINDOW_PROPERTY);
                } else {
                    System.setProperty(ALIVE_BYPASS_WINDOW_PROPERTY, previous);
                }
            }
        }
    }

    /** The innermost cause's message on one line: what went wrong, without the wrappers' stack of words. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
