package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.Admission;
import dev.phoneverify.core.port.Gate;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Adapter: a {@link RateLimitStore} in PostgreSQL's {@code rate_limit_counter} and {@code rate_limit_hold} tables,
 * so send limits and holds count across every app instance on the database.
 *
 * <p>Every decision is one {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING} statement: the
 * database locks the key's row for the statement, so racing instances never both take the last unit of an
 * allowance, and nothing is read first and written later. A statement that returns no row is a refusal. Keys are
 * never put into messages, since they may hold phone numbers.
 *
 * <p>Rows that no longer matter are left in place until {@link #purgeExpired(Instant)} drops them in batches through
 * the tables' time indexes; schedule it.
 */
public final class JdbcRateLimitStore implements RateLimitStore {
    private static final int MAX_KEY_LENGTH = 128;

    /*
     * One row per key holds the latest window. A later window starts the count again at 1; a row from a window at
     * least as late as the caller's (an instance whose clock runs behind) keeps counting in that window, so skew
     * never reopens an allowance. The WHERE leaves a full window untouched, so nothing returns: refused.
     */
    static final String ACQUIRE = "INSERT INTO rate_limit_counter AS c (key, window_start, window_end, count) "
            + "VALUES (?, ?, ?, 1) "
            + "ON CONFLICT (key) DO UPDATE SET "
            + "count = CASE WHEN c.window_start < EXCLUDED.window_start THEN 1 ELSE c.count + 1 END, "
            + "window_start = GREATEST(c.window_start, EXCLUDED.window_start), "
            + "window_end = GREATEST(c.window_end, EXCLUDED.window_end) "
            + "WHERE c.window_start < EXCLUDED.window_start OR c.count < ? "
            + "RETURNING count";
    private static final String HELD_UNTIL = "SELECT held_until FROM rate_limit_hold WHERE key = ? AND held_until > ?";
    /*
     * EscalatingDelay's rule (EscalatingDelay.after), in SQL so it is decided in the same atomic statement: the first
     * delay for a forgotten hold, otherwise the previous delay doubled, capped at the maximum. Its parameters: now,
     * max (ms), first (ms). A new key takes the first delay through the INSERT's VALUES.
     */
    private static final String NEXT_DELAY = "CASE WHEN h.forget_at > ? THEN LEAST(h.delay_ms * 2, ?) ELSE ? END";
    static final String HOLD_UPSERT = "INSERT INTO rate_limit_hold AS h (key, delay_ms, held_until, forget_at) "
            + "VALUES (?, ?, ? + ? * INTERVAL '1 millisecond', ? + ? * INTERVAL '1 millisecond') "
            + "ON CONFLICT (key) DO UPDATE SET "
            + "delay_ms = " + NEXT_DELAY + ", "
            + "held_until = ? + (" + NEXT_DELAY + ") * INTERVAL '1 millisecond', "
            + "forget_at = ? + ((" + NEXT_DELAY + ") + ?) * INTERVAL '1 millisecond' ";
    static final String HOLD = HOLD_UPSERT + "RETURNING held_until";
    /** The same, but a key still held at {@code now} is left alone and nothing returns: refused. */
    static final String PASS_AND_HOLD = HOLD_UPSERT + "WHERE h.held_until <= ? RETURNING held_until";
    /** A key is a counter or a hold, never both; one statement forgets whichever it is. */
    private static final String RELEASE = "WITH counter AS (DELETE FROM rate_limit_counter WHERE key = ?) "
            + "DELETE FROM rate_limit_hold WHERE key = ?";
    // SKIP LOCKED: instances purging at once share the rows; a row some request holds is simply left for next time.
    static final String PURGE_COUNTERS = "DELETE FROM rate_limit_counter WHERE key IN ("
            + "SELECT key FROM rate_limit_counter WHERE window_end <= ? "
            + "ORDER BY window_end LIMIT ? FOR UPDATE SKIP LOCKED)";
    static final String PURGE_HOLDS = "DELETE FROM rate_limit_hold WHERE key IN ("
            + "SELECT key FROM rate_limit_hold WHERE forget_at <= ? "
            + "ORDER BY forget_at LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final int purgeBatch;

    /** @param purgeBatch rows deleted per statement by {@link #purgeExpired(Instant)} */
    public JdbcRateLimitStore(DataSource dataSource, int purgeBatch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.purgeBatch = Sql.requirePurgeBatch(purgeBatch);
    }

    public JdbcRateLimitStore(DataSource dataSource) {
        this(dataSource, JdbcFlowStore.DEFAULT_PURGE_BATCH);
    }

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, Instant now) {
        requireKey(key);
        requireLimit(limit);
        Instant windowStart = RateLimitStore.windowStart(now, window);
        Instant windowEnd = windowStart.plus(window);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement acquire = connection.prepareStatement(ACQUIRE)) {
            acquire.setString(1, key);
            acquire.setObject(2, Sql.timestamp(windowStart));
            acquire.setObject(3, Sql.timestamp(windowEnd));
            acquire.setInt(4, limit);
            try (ResultSet counted = acquire.executeQuery()) {
                return counted.next() ? Acquisition.grant() : Acquisition.refuse(Duration.between(now, windowEnd));
            }
        } catch (SQLException e) {
            throw unavailable("count a send", e);
        }
    }

    @Override
    public Optional<Instant> heldUntil(String key, Instant now) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection()) {
            return heldUntil(connection, key, now);
        } catch (SQLException e) {
            throw unavailable("read a hold", e);
        }
    }

    @Override
    public Instant hold(String key, EscalatingDelay delay, Instant now) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement hold = connection.prepareStatement(HOLD)) {
            bindHold(hold, 1, key, delay, now);
            try (ResultSet until = hold.executeQuery()) {
                until.next();
                return toInstant(until);
            }
        } catch (SQLException e) {
            throw unavailable("hold a key", e);
        }
    }

    @Override
    public Acquisition tryPassAndHold(String key, EscalatingDelay delay, Instant now) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement pass = connection.prepareStatement(PASS_AND_HOLD)) {
            int next = bindHold(pass, 1, key, delay, now);
            pass.setObject(next, Sql.timestamp(now));
            try (ResultSet passed = pass.executeQuery()) {
                if (passed.next()) {
                    return Acquisition.grant();
                }
            }
            // Refused already; this read only says for how long, and a hold gone meanwhile means "try now".
            Optional<Instant> heldUntil = heldUntil(connection, key, now);
            return Acquisition.refuse(heldUntil.map(until -> Duration.between(now, until)).orElse(Duration.ZERO));
        } catch (SQLException e) {
            throw unavailable("pass a hold", e);
        }
    }

    /** Passes every gate in one round trip, through the V4 migration's function ({@link Admissions}). */
    @Override
    public Admission admit(List<Gate> gates, Instant now) {
        gates.forEach(gate -> {
            requireKey(gate.key());
            if (gate instanceof Gate.Counted counted) {
                requireLimit(counted.limit());
            }
        });
        try {
            return Admissions.admit(dataSource, gates, now);
        } catch (SQLException e) {
            throw unavailable("admit a start", e);
        }
    }

    @Override
    public void release(String key) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, key);
            release.setString(2, key);
            release.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("release a key", e);
        }
    }

    /** Whether this store's rows live behind {@code other}: a flow store there may keep its books for it. */
    boolean sharesDatabaseWith(DataSource other) {
        return dataSource == other;
    }

    /**
     * Drops counters whose window ended and holds forgotten by {@code now}: rows that behave exactly like missing
     * ones. For a scheduler to call every minute or so.
     *
     * @return how many rows it dropped
     */
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return purgeInBatches(PURGE_COUNTERS, now) + purgeInBatches(PURGE_HOLDS, now);
    }

    private int purgeInBatches(String purge, Instant cutoff) {
        int[] dropped = {0};
        try {
            return Sql.deleteInBatches(dataSource, purge, cutoff, purgeBatch, dropped);
        } catch (SQLException e) {
            throw unavailable("purge old limits (" + dropped[0] + " dropped so far)", e);
        }
    }

    private static Optional<Instant> heldUntil(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(HELD_UNTIL)) {
            read.setString(1, key);
            read.setObject(2, Sql.timestamp(now));
            try (ResultSet row = read.executeQuery()) {
                return row.next() ? Optional.of(toInstant(row)) : Optional.empty();
            }
        }
    }

    /** Binds {@link #HOLD_UPSERT}'s parameters; returns the next free index. */
    static int bindHold(PreparedStatement statement, int from, String key, EscalatingDelay delay, Instant now)
            throws SQLException {
        OffsetDateTime at = Sql.timestamp(now);
        long first = delay.first().toMillis();
        long max = delay.max().toMillis();
        long forgetAfter = delay.forgetAfter().toMillis();
        int index = from;
        statement.setString(index++, key);
        statement.setLong(index++, first);
        statement.setObject(index++, at);
        statement.setLong(index++, first);
        statement.setObject(index++, at);
        statement.setLong(index++, first + forgetAfter);
        for (int nextDelay = 0; nextDelay < 3; nextDelay++) {
            if (nextDelay > 0) {
                statement.setObject(index++, at);
            }
            statement.setObject(index++, at);
            statement.setLong(index++, max);
            statement.setLong(index++, first);
        }
        statement.setLong(index++, forgetAfter);
        return index;
    }

    private static String requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("a rate limit key has 1 to " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }

    private static Instant toInstant(ResultSet row) throws SQLException {
        return row.getObject(1, OffsetDateTime.class).toInstant();
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return Sql.unavailable(dataSource, "rate limit store", what, e);
    }
}
