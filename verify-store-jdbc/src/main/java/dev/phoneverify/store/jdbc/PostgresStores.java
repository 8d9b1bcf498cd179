package dev.phoneverify.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
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
    /** Bounds a statement stuck on a silent network, so it fails instead of holding a request for ever. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final HikariDataSource pool;

    private PostgresStores(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and migrates the schema.
     *
     * @throws StoreStartupException the database is unreachable, refused the login, or could not be migrated
     */
    public static PostgresStores connect(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
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

    /** Applies the pending migrations; a schema already up to date is left as it is. */
    static void migrate(DataSource dataSource) {
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

    /** A send-limit store shared by every instance on this database. */
    public JdbcRateLimitStore rateLimitStore() {
        return new JdbcRateLimitStore(pool);
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

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("phone-verify");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        // Try the first connection once, at start, so a wrong URL fails start-up instead of the first request.
        config.setInitializationFailTimeout(1);
        long connectSeconds = Math.max(1, settings.connectionTimeout().toSeconds());
        config.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
        config.addDataSourceProperty("socketTimeout", Long.toString(SOCKET_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "phone-verify");
        return config;
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
