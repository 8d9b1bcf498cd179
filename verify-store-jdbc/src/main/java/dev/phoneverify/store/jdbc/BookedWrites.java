package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.Booked;
import dev.phoneverify.core.port.Bookkeeping;
import dev.phoneverify.core.port.ConversionCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A flow's insert or conditional update with the abuse controls' books in the same statement: a data-modifying
 * CTE whose bookkeeping parts run only when the flow part wrote, so flow and books change together or not at all,
 * in one round trip and one auto-committed statement.
 *
 * <p>The conversion count is read back in the same statement: the statement's snapshot sees every bucket as it
 * was before, so the sum takes the other buckets from it and the counted bucket from the upsert's
 * {@code RETURNING}. The alarm's flag is read with it, so the caller writes the flag only when it must change.
 */
final class BookedWrites {
    private static final String WRITTEN = "EXISTS (SELECT 1 FROM f)";
    private static final String HOLD_VALUES = "VALUES (?, ?, ? + ? * INTERVAL '1 millisecond', "
            + "? + ? * INTERVAL '1 millisecond') ";
    private static final String RELEASE = "released AS (DELETE FROM rate_limit_hold WHERE key = ? AND "
            + WRITTEN + ")";
    private static final String HOLD = "held AS (" + conditionalHold() + "RETURNING held_until)";
    private static final String COUNT = "counted AS (INSERT INTO conversion_bucket AS b "
            + "(calling_code, bucket_start, started, verified) SELECT ?, ?, ?, ? WHERE " + WRITTEN + " "
            + "ON CONFLICT (calling_code, bucket_start) DO UPDATE SET "
            + "started = b.started + EXCLUDED.started, verified = b.verified + EXCLUDED.verified "
            + "RETURNING bucket_start, started, verified)";
    private static final String SUM_OTHERS = "(SELECT COALESCE(SUM(%1$s), 0) FROM conversion_bucket "
            + "WHERE calling_code = ? AND bucket_start >= ? AND bucket_start <> ?) "
            + "+ COALESCE((SELECT %1$s FROM counted WHERE bucket_start >= ?), 0)";
    private static final String COUNTS = String.format(SUM_OTHERS, "started") + ", "
            + String.format(SUM_OTHERS, "verified") + ", "
            + "EXISTS (SELECT 1 FROM conversion_alarm WHERE calling_code = ?)";

    private BookedWrites() {
    }

    /** Binds the flow part's parameters from 1; returns the next free index. */
    interface FlowBinding {
        int bind(PreparedStatement statement) throws SQLException;
    }

    /** Whether every store the books go to keeps its rows behind {@code dataSource}, so one statement can. */
    static boolean canKeep(Bookkeeping books, DataSource dataSource) {
        boolean holds = books.releaseHold().isPresent() || books.hold().isPresent();
        return !books.isEmpty()
                && (books.tally().isEmpty() || books.conversions() instanceof JdbcConversionStatsStore conversions
                        && conversions.sharesDatabaseWith(dataSource))
                && (!holds || books.limits() instanceof JdbcRateLimitStore limits
                        && limits.sharesDatabaseWith(dataSource));
    }

    /**
     * Runs {@code flowWrite} (an INSERT or UPDATE of one flow, without RETURNING) with {@code books}.
     *
     * @return empty when the flow part wrote nothing; otherwise what was kept
     */
    static Optional<Booked> write(Connection connection, String flowWrite, FlowBinding flow, Bookkeeping books)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(flowWrite, books))) {
            int index = flow.bind(statement);
            if (books.releaseHold().isPresent()) {
                statement.setString(index++, books.releaseHold().get());
            }
            if (books.hold().isPresent()) {
                Bookkeeping.NewHold hold = books.hold().get();
                index = JdbcRateLimitStore.bindHold(statement, index, hold.key(), hold.delay(), hold.at());
            }
            if (books.tally().isPresent()) {
                Bookkeeping.Tally tally = books.tally().get();
                OffsetDateTime bucket = Sql.timestamp(tally.bucket());
                OffsetDateTime from = Sql.timestamp(tally.sumFrom());
                statement.setString(index++, tally.code().digits());
                statement.setObject(index++, bucket);
                statement.setLong(index++, tally.verified() ? 0 : 1);
                statement.setLong(index++, tally.verified() ? 1 : 0);
                for (int sum = 0; sum < 2; sum++) {
                    statement.setString(index++, tally.code().digits());
                    statement.setObject(index++, from);
                    statement.setObject(index++, bucket);
                    statement.setObject(index++, from);
                }
                statement.setString(index, tally.code().digits());
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1) == 0 ? Optional.empty() : Optional.of(booked(row, books));
            }
        }
    }

    private static Booked booked(ResultSet row, Bookkeeping books) throws SQLException {
        int column = 2;
        Optional<Instant> heldUntil = Optional.empty();
        if (books.hold().isPresent()) {
            heldUntil = Optional.of(row.getObject(column++, OffsetDateTime.class).toInstant());
        }
        Optional<ConversionCounts> counts = Optional.empty();
        Optional<Boolean> raised = Optional.empty();
        if (books.tally().isPresent()) {
            counts = Optional.of(new ConversionCounts(row.getLong(column), row.getLong(column + 1)));
            raised = Optional.of(row.getBoolean(column + 2));
        }
        return new Booked(true, counts, raised, heldUntil);
    }

    private static String sql(String flowWrite, Bookkeeping books) {
        StringBuilder sql = new StringBuilder("WITH f AS (").append(flowWrite).append(" RETURNING 1)");
        StringBuilder select = new StringBuilder(" SELECT (SELECT count(*) FROM f)");
        books.releaseHold().ifPresent(key -> sql.append(", ").append(RELEASE));
        if (books.hold().isPresent()) {
            sql.append(", ").append(HOLD);
            select.append(", (SELECT held_until FROM held)");
        }
        if (books.tally().isPresent()) {
            sql.append(", ").append(COUNT);
            select.append(", ").append(COUNTS);
        }
        return sql.append(select).toString();
    }

    /** {@link JdbcRateLimitStore#HOLD}, inserting only when the flow part wrote. */
    private static String conditionalHold() {
        String upsert = JdbcRateLimitStore.HOLD_UPSERT;
        if (!upsert.contains(HOLD_VALUES)) {
            throw new IllegalStateException("the hold upsert changed shape; update BookedWrites with it");
        }
        return upsert.replace(HOLD_VALUES, "SELECT ?, ?, ? + ? * INTERVAL '1 millisecond', "
                + "? + ? * INTERVAL '1 millisecond' WHERE " + WRITTEN + " ");
    }
}
