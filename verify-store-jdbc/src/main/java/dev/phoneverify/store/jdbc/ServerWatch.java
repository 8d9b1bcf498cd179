package dev.phoneverify.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * Adapter part: one idle connection per pool that does nothing but wait for the server to hang up, so the gate in
 * {@link DatabaseConnections} learns of an outage when it begins, not when a request first stumbles on it.
 *
 * <p>A server that stops sends every session a FATAL {@code 57P01} before it goes; a killed one leaves sockets
 * that read end-of-file. Either reaches this connection's blocking read at once, without a query: the wait costs
 * the database nothing. That is what lets the pool hand out connections without testing each one first (a round
 * trip per borrow): a connection can only have died with the server if this one died too, and then the gate is
 * closed and the whole pool is replaced before anyone borrows from it again. Every {@code ping} the watch asks
 * the server once whether it is there, so a connection dropped silently (a firewall's idle timeout, a cable) is
 * noticed too.
 */
final class ServerWatch implements AutoCloseable {
    private final Connection connection;
    private final Duration ping;
    private final Consumer<SQLException> lost;
    private final Thread reader;
    private volatile boolean closed;

    /**
     * A watch on {@code connection}, which it now owns; {@link #start()} begins it.
     *
     * @param lost told once, on the watch's thread, when the server hangs up or stops answering
     */
    ServerWatch(Connection connection, Duration ping, Consumer<SQLException> lost) {
        this.connection = connection;
        this.ping = ping;
        this.lost = lost;
        this.reader = new Thread(this::watch, "phone-verify-db-watch");
        reader.setDaemon(true);
    }

    /** Watches until {@link #close()}. */
    void start() {
        reader.start();
    }

    private void watch() {
        try {
            PGConnection session = connection.unwrap(PGConnection.class);
            int pingSeconds = (int) Math.max(1, ping.toSeconds());
            while (!closed) {
                // Blocks reading the socket for up to a ping: returns quietly when nothing came, throws when the
                // server said goodbye or the socket ended. Nothing is sent.
                session.getNotifications((int) ping.toMillis());
                if (!closed && !connection.isValid(pingSeconds)) {
                    throw new SQLNonTransientConnectionException("the database did not answer the watch's ping"
                            + " within " + pingSeconds + " s", "08006");
                }
            }
        } catch (SQLException e) {
            if (!closed) {
                lost.accept(e);
            }
        } finally {
            quietlyClose();
        }
    }

    /** Ends the watch; its thread leaves its read at once. Nothing is reported. */
    @Override
    public void close() {
        closed = true;
        try {
            // abort, not close: close would wait for the lock the blocked read holds.
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            quietlyClose();
        }
    }

    private void quietlyClose() {
        try {
            connection.close();
        } catch (SQLException e) {
            // The session is gone either way.
        }
    }
}
