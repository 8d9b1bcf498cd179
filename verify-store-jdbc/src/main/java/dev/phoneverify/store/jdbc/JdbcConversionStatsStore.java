package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Adapter: a {@link ConversionStatsStore} in PostgreSQL's {@code conversion_bucket} and {@code conversion_alarm}
 * tables, so the conversion alarm sees the starts and verifications of every app instance. Counts grow by one in
 * one upsert; an alarm flag changes by an insert or delete that only one instance can win.
 *
 * <p>Buckets older than the retention are dropped by {@link #purgeBeyondRetention()}, in batches through the
 * bucket index; keep the retention longer than the alarm's window.
 */
public final class JdbcConversionStatsStore implements ConversionStatsStore {
    /** Longer than any sensible alarm window (the default is one hour). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(1);

    private static final String COUNT_STARTED = "INSERT INTO conversion_bucket AS b "
            + "(calling_code, bucket_start, started, verified) VALUES (?, ?, 1, 0) "
            + "ON CONFLICT (calling_code, bucket_start) DO UPDATE SET started = b.started + 1";
    private static final String COUNT_VERIFIED = "INSERT INTO conversion_bucket AS b "
            + "(calling_code, bucket_start, started, verified) VALUES (?, ?, 0, 1) "
            + "ON CONFLICT (calling_code, bucket_start) DO UPDATE SET verified = b.verified + 1";
    private static final String COUNTS_SINCE = "SELECT COALESCE(SUM(started), 0), COALESCE(SUM(verified), 0) "
            + "FROM conversion_bucket WHERE calling_code = ? AND bucket_start >= ?";
    private static final String RAISE = "INSERT INTO conversion_alarm (calling_code) VALUES (?) ON CONFLICT DO NOTHING";
    private static final String CLEAR = "DELETE FROM conversion_alarm WHERE calling_code = ?";
    private static final String RAISED = "SELECT calling_code FROM conversion_alarm";
    static final String PURGE_BUCKETS = "DELETE FROM conversion_bucket WHERE (calling_code, bucket_start) IN ("
            + "SELECT calling_code, bucket_start FROM conversion_bucket WHERE bucket_start < ? "
            + "ORDER BY bucket_start LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;
    private final int purgeBatch;

    /**
     * @param retention  how long buckets are kept; longer than the conversion alarm's window
     * @param purgeBatch rows deleted per statement by the purge
     */
    public JdbcConversionStatsStore(DataSource dataSource, Clock clock, Duration retention, int purgeBatch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Sql.requireRetention(retention);
        this.purgeBatch = Sql.requirePurgeBatch(purgeBatch);
    }

    public JdbcConversionStatsStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_RETENTION, JdbcFlowStore.DEFAULT_PURGE_BATCH);
    }

    @Override
    public void countStarted(CallingCode code, Instant bucket) {
        count(COUNT_STARTED, code, bucket);
    }

    @Override
    public void countVerified(CallingCode code, Instant bucket) {
        count(COUNT_VERIFIED, code, bucket);
    }

    @Override
    public ConversionCounts countsSince(CallingCode code, Instant from) {
        Objects.requireNonNull(code, "code");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement sum = connection.prepareStatement(COUNTS_SINCE)) {
            sum.setString(1, code.digits());
            sum.setObject(2, Sql.timestamp(from));
            try (ResultSet row = sum.executeQuery()) {
                row.next();
                return new ConversionCounts(row.getLong(1), row.getLong(2));
            }
        } catch (SQLException e) {
            throw unavailable("sum the counts of " + code, e);
        }
    }

    @Override
    public boolean setAlarmRaised(CallingCode code, boolean raised) {
        Objects.requireNonNull(code, "code");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement change = connection.prepareStatement(raised ? RAISE : CLEAR)) {
            change.setString(1, code.digits());
            return change.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable((raised ? "raise" : "clear") + " the alarm of " + code, e);
        }
    }

    @Override
    public Set<CallingCode> raisedAlarms() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement read = connection.prepareStatement(RAISED);
             ResultSet rows = read.executeQuery()) {
            Set<CallingCode> raised = new HashSet<>();
            while (rows.next()) {
                raised.add(new CallingCode(rows.getString(1)));
            }
            return Set.copyOf(raised);
        } catch (SQLException e) {
            throw unavailable("list the raised alarms", e);
        }
    }

    /**
     * Drops buckets that started more than the retention ago. For a scheduler to call every minute or so.
     *
     * @return how many buckets it dropped
     */
    public int purgeBeyondRetention() {
        Instant cutoff = clock.instant().minus(retention);
        int[] dropped = {0};
        try {
            return Sql.deleteInBatches(dataSource, PURGE_BUCKETS, cutoff, purgeBatch, dropped);
        } catch (SQLException e) {
            throw unavailable("purge buckets before " + cutoff + " (" + dropped[0] + " dropped so far)", e);
        }
    }

    /** Whether this store's rows live behind {@code other}: a flow store there may keep its books for it. */
    boolean sharesDatabaseWith(DataSource other) {
        return dataSource == other;
    }

    private void count(String statement, CallingCode code, Instant bucket) {
        Objects.requireNonNull(code, "code");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(statement)) {
            count.setString(1, code.digits());
            count.setObject(2, Sql.timestamp(bucket));
            count.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("count a flow of " + code, e);
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return Sql.unavailable(dataSource, "conversion stats store", what, e);
    }
}
