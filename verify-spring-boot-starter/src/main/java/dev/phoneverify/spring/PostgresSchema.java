package dev.phoneverify.spring;

import dev.phoneverify.store.jdbc.PostgresStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The application's {@code DataSource} once the phone-verify tables are up to date in it: the stores are made
 * over this, so none is used before the migrations ran.
 */
public final class PostgresSchema {
    private static final int CHECK_SECONDS = 2;

    private final DataSource dataSource;

    private PostgresSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the pending migrations of verify-store-jdbc in {@code dataSource}.
     *
     * @throws PhoneVerifyConfigException the database cannot be reached or migrated
     */
    public static PostgresSchema migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            PostgresStores.migrate(dataSource);
        } catch (RuntimeException e) {
            throw new PhoneVerifyConfigException("phoneverify.store=postgres cannot bring its tables up to date in"
                    + " the application's DataSource: " + rootMessage(e));
        }
        return new PostgresSchema(dataSource);
    }

    /** The migrated database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Whether the database answers a validity check within 2 s now. */
    public boolean isAvailable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CHECK_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
