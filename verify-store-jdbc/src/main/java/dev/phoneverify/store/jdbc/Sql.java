package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;

/** What the JDBC stores share: how an instant is written, how a failure is told, how old rows are purged. */
final class Sql {
    private Sql() {
    }

    static Duration requireRetention(Duration retention) {
        Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
        return retention;
    }

    static int requirePurgeBatch(int purgeBatch) {
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("purgeBatch must be at least 1, was " + purgeBatch);
        }
        return purgeBatch;
    }

    /** PostgreSQL keeps microseconds; finer digits are dropped here rather than rounded by the driver. */
    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /**
     * The core's failure type, naming the store and the operation but no value passed to it. A connection failure
     * is reported to the stores' pool, which then fails further calls at once until the database answers again.
     */
    static StoreUnavailableException unavailable(DataSource dataSource, String store, String what, SQLException e) {
        if (dataSource instanceof DatabaseConnections connections) {
            connections.report(e);
        }
        return new StoreUnavailableException("the " + store + " could not " + what + ": "
                + PostgresStores.rootMessage(e) + " (SQLState " + e.getSQLState() + ")", e);
    }

    /**
     * Runs {@code delete} (parameters: the cutoff, then the batch size) until a batch comes back short, so each
     * statement holds its row locks briefly and never scans live rows.
     *
     * @param dropped receives the running count, so a failure can say how far it got
     */
    static int deleteInBatches(DataSource dataSource, String delete, Instant cutoff, int batchSize, int[] dropped)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(delete)) {
            statement.setObject(1, timestamp(cutoff));
            statement.setInt(2, batchSize);
            int batch;
            do {
                batch = statement.executeUpdate();
                dropped[0] += batch;
            } while (batch == batchSize);
            return dropped[0];
        }
    }
}
