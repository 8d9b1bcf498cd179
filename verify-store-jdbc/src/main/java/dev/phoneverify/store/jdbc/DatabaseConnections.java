package dev.phoneverify.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Adapter part: the connections the PostgreSQL stores borrow. A HikariCP pool behind a gate that knows when the
 * database is down.
 *
 * <p>The gate closes on the first sign of an outage, whoever sees it: the pool's {@link ServerWatch} when the server
 * hangs up (at once, with no request in flight), a connection the pool's own adder fails to open, or a store call's
 * connection failure (SQLState class {@code 08}, or {@code 57P01}-{@code 57P03} for a server shutting down, crashed
 * or starting up). While it is closed, a caller does not wait in the pool: it opens one connection of its own
 * straight through the driver. Refused, the caller fails at once (the app answers 503); accepted, a fresh pool and
 * watch replace the ones that saw the outage, and the same caller goes on through the new pool. The old pool goes
 * with everything the outage left in it: connections that died with the server, and a connection adder asleep in
 * HikariCP's back-off (up to 5 s, longer than a caller waits). So the first request once the database is back
 * succeeds on every instance, busy or idle, and no request during the outage queues for a connection that cannot
 * come. One caller checks at a time; callers arriving meanwhile wait for its answer (a refusal takes milliseconds).
 */
final class DatabaseConnections implements DataSource, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseConnections.class.getName());
    /** Bounds a statement stuck on a silent network, so it fails instead of holding a request for ever. */
    private static final Duration STATEMENT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final DatabaseSettings settings;
    private final Function<DataSource, HikariDataSource> newPool;
    private final Duration ping;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile Generation current;

    /**
     * One pool, the watch that vouches for its connections, and whether the gate in front of them is closed. A
     * generation whose gate closed never opens again: the database's return brings a new generation.
     */
    private record Generation(HikariDataSource pool, ServerWatch watch, AtomicBoolean down) {
    }

    private DatabaseConnections(DatabaseSettings settings, Function<DataSource, HikariDataSource> newPool,
                                Duration ping) {
        this.settings = settings;
        this.newPool = newPool;
        this.ping = ping;
    }

    /**
     * Opens the first pool and its watch.
     *
     * @param newPool makes a pool over the connections it is given (which report every refused one to the gate)
     * @param ping    how often the watch asks a quiet server whether it is still there
     * @throws SQLException the database refused the watch's connection
     */
    static DatabaseConnections open(DatabaseSettings settings, Function<DataSource, HikariDataSource> newPool,
                                    Duration ping) throws SQLException {
        DatabaseConnections connections = new DatabaseConnections(settings, newPool, ping);
        connections.current = connections.generation(connections.checkDriver().getConnection());
        return connections;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Generation used = current;
        if (used.down().get()) {
            if (!checkNow()) {
                throw new SQLTransientConnectionException("the database at " + settings.url()
                        + " refused a connection just now; not waiting for the pool", "08001");
            }
            used = current;
        }
        try {
            return used.pool().getConnection();
        } catch (SQLException e) {
            Generation now = current;
            if (now != used && !now.down().get()) {
                // The database came back while this caller waited in the pool that saw the outage: the fresh pool
                // serves it. Nothing was sent on any connection yet, so this repeats no statement.
                return now.pool().getConnection();
            }
            report(e);
            throw e;
        }
    }

    /** A store's call failed; a connection failure closes the gate, anything else (a constraint, say) does not. */
    void report(SQLException failure) {
        if (isConnectionFailure(failure)) {
            closeGate(current, PostgresStores.rootMessage(failure));
        }
    }

    private void closeGate(Generation generation, String why) {
        if (generation != null && generation.down().compareAndSet(false, true) && generation == current) {
            LOG.log(Level.WARNING, "phone-verify: the database at {0} is unreachable ({1}); store calls fail at once"
                    + " until a connection succeeds again", settings.url(), why);
        }
    }

    /**
     * Connects to the database now, outside the pool: true when it answers. A failure closes the gate; a success
     * after an outage replaces the pool and its watch, and opens it. A caller that finds another checking waits
     * for it.
     */
    boolean checkNow() {
        Generation seen = current;
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
            Generation now = current;
            if (now != seen && !now.down().get()) {
                return true;
            }
            Connection probe = answering();
            if (probe == null) {
                closeGate(now, "no connection");
                return false;
            }
            if (!now.down().get()) {
                quietlyClose(probe);
                return true;
            }
            Generation fresh;
            try {
                fresh = generation(probe);
            } catch (RuntimeException e) {
                return false;
            }
            current = fresh;
            retire(now);
            LOG.log(Level.INFO, "phone-verify: the database at {0} answers again", settings.url());
            return true;
        } finally {
            checking.unlock();
        }
    }

    /**
     * A new pool, and a watch on {@code watched} (a connection that just answered), each closing the new gate on
     * a sign of an outage. A refusal seen by a replaced pool's adder closes only that pool's gate, closed already.
     *
     * @throws RuntimeException the pool could not open its first connection; {@code watched} is closed
     */
    private Generation generation(Connection watched) {
        Generation[] self = new Generation[1];
        HikariDataSource pool;
        try {
            pool = newPool.apply(new DriverConnections(settings, "phone-verify", STATEMENT_SOCKET_TIMEOUT,
                    refused -> {
                        if (isConnectionFailure(refused)) {
                            closeGate(self[0], PostgresStores.rootMessage(refused));
                        }
                    }));
        } catch (RuntimeException e) {
            quietlyClose(watched);
            throw e;
        }
        ServerWatch watch = new ServerWatch(watched, ping, lost -> closeGate(self[0],
                "the server ended the watch's session: " + PostgresStores.rootMessage(lost)));
        self[0] = new Generation(pool, watch, new AtomicBoolean());
        watch.start();
        return self[0];
    }

    private DataSource checkDriver() {
        return new DriverConnections(settings, "phone-verify-watch",
                Duration.ofSeconds(DriverConnections.connectTimeoutSeconds(settings)), refused -> { });
    }

    /** A new connection that answered, or null. */
    private Connection answering() {
        Connection probe = null;
        try {
            probe = checkDriver().getConnection();
            if (probe.isValid((int) DriverConnections.connectTimeoutSeconds(settings))) {
                return probe;
            }
        } catch (SQLException e) {
            // refused: the caller reports
        }
        quietlyClose(probe);
        return null;
    }

    /**
     * Closes a replaced pool off the caller's thread: HikariCP's close waits for its adder and aborts what is left.
     * Whoever still waits in it gets an error, as it would have from the outage.
     */
    private static void retire(Generation replaced) {
        replaced.watch().close();
        Thread closer = new Thread(replaced.pool()::close, "phone-verify-pool-retire");
        closer.setDaemon(true);
        closer.start();
    }

    private static void quietlyClose(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing to keep
            }
        }
    }

    static boolean isConnectionFailure(SQLException failure) {
        String state = failure.getSQLState();
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03"));
    }

    @Override
    public void close() {
        Generation last = current;
        last.watch().close();
        last.pool().close();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool connects as the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.pool().getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return current.pool().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : current.pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || current.pool().isWrapperFor(type);
    }
}
