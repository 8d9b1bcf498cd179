package dev.phoneverify.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;

/**
 * Adapter part: the connections the PostgreSQL stores borrow. A HikariCP pool behind a gate that knows when the
 * database is down.
 *
 * <p>A connection failure (SQLState class {@code 08}, or PostgreSQL's {@code 57P01}-{@code 57P03} for a server
 * shutting down, crashed or starting up) closes the gate. While it is closed, a caller does not wait in the pool:
 * it opens one connection of its own straight through the driver. Refused, the caller fails at once (the app
 * answers 503); accepted, the pool's idle connections, which all died with the old server, are evicted, the gate
 * opens and the same caller goes on through the pool. So the first request after the database is back succeeds,
 * on every instance, and no request during the outage queues for a connection that cannot come. One caller checks
 * at a time; callers arriving meanwhile fail at once rather than pile up.
 */
final class DatabaseConnections implements DataSource, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseConnections.class.getName());

    private final HikariDataSource pool;
    private final DatabaseSettings settings;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ReentrantLock checking = new ReentrantLock();

    DatabaseConnections(HikariDataSource pool, DatabaseSettings settings) {
        this.pool = pool;
        this.settings = settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down.get() && !checkNow()) {
            throw new SQLTransientConnectionException("the database at " + settings.url()
                    + " refused a connection just now; not waiting for the pool", "08001");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            report(e);
            throw e;
        }
    }

    /** A store's call failed; a connection failure closes the gate, anything else (a constraint, say) does not. */
    void report(SQLException failure) {
        if (isConnectionFailure(failure) && down.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "phone-verify: the database at {0} is unreachable ({1}); store calls fail at once"
                    + " until a connection succeeds again", settings.url(), PostgresStores.rootMessage(failure));
        }
    }

    /**
     * Connects to the database now, outside the pool: true when it answers. A failure closes the gate; a success
     * after an outage evicts the pool's dead connections and opens it. When another caller is checking, its
     * current view is returned without waiting.
     */
    boolean checkNow() {
        if (!checking.tryLock()) {
            return !down.get();
        }
        try {
            if (!answers()) {
                if (down.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "phone-verify: the database at {0} is unreachable; store calls fail at"
                            + " once until a connection succeeds again", settings.url());
                }
                return false;
            }
            if (down.get()) {
                // Every connection opened before the outage died with the old server. HikariCP hands out a
                // connection used in the last 500 ms without testing it, so evict them all rather than let one
                // fail the first request.
                pool.getHikariPoolMXBean().softEvictConnections();
                down.set(false);
                LOG.log(Level.INFO, "phone-verify: the database at {0} answers again", settings.url());
            }
            return true;
        } finally {
            checking.unlock();
        }
    }

    /** False while the last sign from the database was a connection failure. */
    boolean isUp() {
        return !down.get();
    }

    private boolean answers() {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        login.setProperty("password", settings.password());
        login.setProperty("connectTimeout", Long.toString(PostgresStores.connectTimeoutSeconds(settings)));
        login.setProperty("socketTimeout", Long.toString(PostgresStores.connectTimeoutSeconds(settings)));
        login.setProperty("ApplicationName", "phone-verify-check");
        try (Connection connection = DriverManager.getConnection(settings.url(), login)) {
            return connection.isValid((int) PostgresStores.connectTimeoutSeconds(settings));
        } catch (SQLException e) {
            return false;
        }
    }

    static boolean isConnectionFailure(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects as the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}
