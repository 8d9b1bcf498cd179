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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Adapter part: the connections the PostgreSQL stores borrow. A HikariCP pool behind a gate that knows when the
 * database is down.
 *
 * <p>A connection failure (SQLState class {@code 08}, or PostgreSQL's {@code 57P01}-{@code 57P03} for a server
 * shutting down, crashed or starting up) closes the gate. While it is closed, a caller does not wait in the pool:
 * it opens one connection of its own straight through the driver. Refused, the caller fails at once (the app
 * answers 503); accepted, a fresh pool replaces the one that saw the outage, the gate opens and the same caller
 * goes on through the new pool. The old pool goes with everything the outage left in it: connections that died
 * with the server, and a connection adder asleep in HikariCP's back-off (up to 5 s, longer than a caller waits),
 * which would otherwise make the first request after the restart time out. So the first request once the database
 * is back succeeds, on every instance, and no request during the outage queues for a connection that cannot come.
 * One caller checks at a time; callers arriving meanwhile wait for its answer (a refusal takes milliseconds).
 */
final class DatabaseConnections implements DataSource, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseConnections.class.getName());

    private final Supplier<HikariDataSource> newPool;
    private final DatabaseSettings settings;
    private volatile HikariDataSource pool;
    private final AtomicBoolean down = new AtomicBoolean();
    private final ReentrantLock checking = new ReentrantLock();

    /**
     * @param pool    the pool to start with, already connected
     * @param newPool makes another like it, once the database is back after an outage
     */
    DatabaseConnections(HikariDataSource pool, Supplier<HikariDataSource> newPool, DatabaseSettings settings) {
        this.pool = pool;
        this.newPool = newPool;
        this.settings = settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down.get() && !checkNow()) {
            throw new SQLTransientConnectionException("the database at " + settings.url()
                    + " refused a connection just now; not waiting for the pool", "08001");
        }
        HikariDataSource current = pool;
        try {
            return current.getConnection();
        } catch (SQLException e) {
            if (current == pool) {
                // A pool already replaced times out with the failure of the outage it saw; that is news of nothing.
                report(e);
            }
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
     * after an outage replaces the pool and opens it. A caller that finds another checking waits for it.
     */
    boolean checkNow() {
        boolean wasDown = down.get();
        try {
            // Another caller's check (a refused connection takes a moment, a successful one builds the new pool)
            // is waited for, at most as long as a caller waits for a connection; its result is then ours.
            if (!checking.tryLock(settings.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            if (wasDown && !down.get()) {
                return true;
            }
            if (!answers()) {
                if (down.compareAndSet(false, true)) {
                    LOG.log(Level.WARNING, "phone-verify: the database at {0} is unreachable; store calls fail at"
                            + " once until a connection succeeds again", settings.url());
                }
                return false;
            }
            if (down.get()) {
                HikariDataSource replaced = pool;
                try {
                    pool = newPool.get();
                } catch (RuntimeException e) {
                    return false;
                }
                down.set(false);
                retire(replaced);
                LOG.log(Level.INFO, "phone-verify: the database at {0} answers again", settings.url());
            }
            return true;
        } finally {
            checking.unlock();
        }
    }

    /**
     * Closes a replaced pool off the caller's thread: HikariCP's close waits for its adder and aborts what is left.
     * Whoever still waits in it gets an error, as it would have from the outage.
     */
    private static void retire(HikariDataSource replaced) {
        Thread closer = new Thread(replaced::close, "phone-verify-pool-retire");
        closer.setDaemon(true);
        closer.start();
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
