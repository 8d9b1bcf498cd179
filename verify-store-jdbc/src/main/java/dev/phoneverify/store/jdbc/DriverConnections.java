package dev.phoneverify.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Adapter part: new connections straight from the PostgreSQL driver, for the pool, the watch and the gate's
 * checks, with the login and timeouts in one place. Each refused connection is told to {@code failures}: the pool
 * opens its connections in a background thread of its own, with a back-off, and a failure there would otherwise
 * reach nobody until a caller's wait for a connection ran out.
 */
final class DriverConnections implements DataSource {
    private final DatabaseSettings settings;
    private final String applicationName;
    private final Duration socketTimeout;
    private final Consumer<SQLException> failures;
    private volatile PrintWriter logWriter;
    private volatile int loginTimeoutSeconds;

    /**
     * @param applicationName what the server shows for these sessions in {@code pg_stat_activity}
     * @param socketTimeout   bounds a read on a silent network
     */
    DriverConnections(DatabaseSettings settings, String applicationName, Duration socketTimeout,
                      Consumer<SQLException> failures) {
        this.settings = settings;
        this.applicationName = applicationName;
        this.socketTimeout = socketTimeout;
        this.failures = failures;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", settings.user());
        login.setProperty("password", settings.password());
        login.setProperty("connectTimeout", Long.toString(connectTimeoutSeconds(settings)));
        login.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        login.setProperty("ApplicationName", applicationName);
        try {
            return DriverManager.getConnection(settings.url(), login);
        } catch (SQLException e) {
            failures.accept(e);
            throw e;
        }
    }

    /** The driver's connect timeout: whole seconds, at least one, no longer than a caller waits for a connection. */
    static long connectTimeoutSeconds(DatabaseSettings settings) {
        return Math.max(1, settings.connectionTimeout().toSeconds());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections are opened as the configured user only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    /** Kept for whoever asks; the driver's connect timeout above is what bounds a login. */
    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver logs through its own loggers");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
