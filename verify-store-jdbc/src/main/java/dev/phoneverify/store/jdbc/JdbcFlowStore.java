package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.Booked;
import dev.phoneverify.core.port.Bookkeeping;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Adapter: a {@link FlowStore} in PostgreSQL's {@code verification_flow} table, shared by every app instance that
 * points at the same database.
 *
 * <p>Every change is one conditional {@code UPDATE ... WHERE id = ? AND version = ?}, so two instances never
 * overwrite each other: the loser sees {@code false} and decides again on a fresh copy. Each call is a single
 * statement in auto-commit, so a failure leaves nothing half-written; it surfaces as
 * {@link StoreUnavailableException}.
 *
 * <p>Instants are kept to the microsecond, PostgreSQL's precision: finer digits are dropped on write.
 *
 * <p>Growth is bounded by purges that read only finished rows, or only long-expired pending rows, through their
 * partial indexes, in batches; schedule {@link #purgeBeyondRetention()} (nothing here runs by itself).
 */
public final class JdbcFlowStore implements FlowStore {
    /** How long a finished flow stays readable by default; the in-memory store's default too. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(30);
    /** Rows one purge statement deletes at most, so no purge holds many row locks or a long transaction. */
    public static final int DEFAULT_PURGE_BATCH = 1000;
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String COLUMNS = "id, phone_number, request_id, state, channel, wrong_attempts, "
            + "attempts_remaining, created_at, updated_at, step_started_at, expires_at, end_reason, version";
    private static final String INSERT = "INSERT INTO verification_flow (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM verification_flow WHERE id = ?";
    // The provider's id is not unique here; the newest flow with it is the one that counts, as in memory.
    static final String FIND_BY_REQUEST_ID = "SELECT " + COLUMNS + " FROM verification_flow WHERE request_id = ? "
            + "ORDER BY created_at DESC LIMIT 1";
    private static final String UPDATE = "UPDATE verification_flow SET phone_number = ?, request_id = ?, state = ?, "
            + "channel = ?, wrong_attempts = ?, attempts_remaining = ?, created_at = ?, updated_at = ?, "
            + "step_started_at = ?, expires_at = ?, end_reason = ?, version = ? WHERE id = ? AND version = ?";
    static final String PENDING_DUE = "SELECT " + COLUMNS + " FROM verification_flow "
            + "WHERE state = 'PENDING' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?";
    // SKIP LOCKED: two instances purging at once share the work instead of queueing behind each other's locks.
    static final String PURGE_FINISHED = "DELETE FROM verification_flow WHERE id IN ("
            + "SELECT id FROM verification_flow WHERE state <> 'PENDING' AND updated_at < ? "
            + "ORDER BY updated_at LIMIT ? FOR UPDATE SKIP LOCKED)";
    static final String PURGE_ABANDONED = "DELETE FROM verification_flow WHERE id IN ("
            + "SELECT id FROM verification_flow WHERE state = 'PENDING' AND expires_at < ? "
            + "ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;
    private final int purgeBatch;

    /**
     * @param retention  how long finished flows, and pending flows past their expiry, are kept before
     *                   {@link #purgeBeyondRetention()} drops them
     * @param purgeBatch rows deleted per statement by the purges
     */
    public JdbcFlowStore(DataSource dataSource, Clock clock, Duration retention, int purgeBatch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Sql.requireRetention(retention);
        this.purgeBatch = Sql.requirePurgeBatch(purgeBatch);
    }

    public JdbcFlowStore(DataSource dataSource, Clock clock, Duration retention) {
        this(dataSource, clock, retention, DEFAULT_PURGE_BATCH);
    }

    public JdbcFlowStore(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_RETENTION);
    }

    @Override
    public void insert(VerificationFlow flow) {
        Objects.requireNonNull(flow, "flow");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, flow.id().value());
            bindContent(insert, 2, flow);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("a flow with id " + flow.id() + " already exists", e);
            }
            throw unavailable("insert flow " + flow.id(), e);
        }
    }

    /** The insert with the books in the same statement, when they live in this database ({@link BookedWrites}). */
    @Override
    public Booked insert(VerificationFlow flow, Bookkeeping books) {
        Objects.requireNonNull(flow, "flow");
        if (!BookedWrites.canKeep(books, dataSource)) {
            return FlowStore.super.insert(flow, books);
        }
        try (Connection connection = dataSource.getConnection()) {
            return BookedWrites.write(connection, INSERT, insert -> {
                insert.setString(1, flow.id().value());
                return bindContent(insert, 2, flow);
            }, books).orElseThrow();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("a flow with id " + flow.id() + " already exists", e);
            }
            throw unavailable("insert flow " + flow.id(), e);
        }
    }

    @Override
    public Optional<VerificationFlow> find(FlowId id) {
        Objects.requireNonNull(id, "id");
        return findOne(FIND, id.value(), "find flow " + id);
    }

    @Override
    public Optional<VerificationFlow> findByRequestId(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return findOne(FIND_BY_REQUEST_ID, requestId.value(), "find the flow of request " + requestId);
    }

    /** The flow {@code query} finds by its one string parameter, if any. */
    private Optional<VerificationFlow> findOne(String query, String parameter, String what) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement find = connection.prepareStatement(query)) {
            find.setString(1, parameter);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(toFlow(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(what, e);
        }
    }

    @Override
    public boolean update(VerificationFlow next) {
        Objects.requireNonNull(next, "next");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            bindUpdate(update, next);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw unavailable("update flow " + next.id(), e);
        }
    }

    /** The update with the books in the same statement, when they live in this database ({@link BookedWrites}). */
    @Override
    public Optional<Booked> update(VerificationFlow next, Bookkeeping books) {
        Objects.requireNonNull(next, "next");
        if (!BookedWrites.canKeep(books, dataSource)) {
            return FlowStore.super.update(next, books);
        }
        try (Connection connection = dataSource.getConnection()) {
            return BookedWrites.write(connection, UPDATE, update -> bindUpdate(update, next), books);
        } catch (SQLException e) {
            throw unavailable("update flow " + next.id(), e);
        }
    }

    @Override
    public List<VerificationFlow> pendingDueBy(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        if (limit <= 0) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement due = connection.prepareStatement(PENDING_DUE)) {
            due.setObject(1, Sql.timestamp(now));
            due.setInt(2, limit);
            List<VerificationFlow> flows = new ArrayList<>();
            try (ResultSet rows = due.executeQuery()) {
                while (rows.next()) {
                    flows.add(toFlow(rows));
                }
            }
            return flows;
        } catch (SQLException e) {
            throw unavailable("list pending flows due by " + now, e);
        }
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return purgeInBatches(PURGE_FINISHED, cutoff, "purge finished flows");
    }

    /**
     * Drops pending flows whose expiry passed before {@code cutoff}: flows nobody looked at again, so nothing
     * expired them. Returns how many it dropped.
     */
    public int purgeAbandonedBefore(Instant cutoff) {
        return purgeInBatches(PURGE_ABANDONED, cutoff, "purge abandoned pending flows");
    }

    /**
     * Drops finished flows that ended, and pending flows that expired, more than the retention period ago: the
     * in-memory store's sweep, for a scheduler to call every minute or so.
     *
     * @return how many flows it dropped
     */
    public int purgeBeyondRetention() {
        Instant cutoff = clock.instant().minus(retention);
        return purgeFinishedBefore(cutoff) + purgeAbandonedBefore(cutoff);
    }

    private int purgeInBatches(String purge, Instant cutoff, String what) {
        Objects.requireNonNull(cutoff, "cutoff");
        int[] dropped = {0};
        try {
            return Sql.deleteInBatches(dataSource, purge, cutoff, purgeBatch, dropped);
        } catch (SQLException e) {
            throw unavailable(what + " before " + cutoff + " (" + dropped[0] + " dropped so far)", e);
        }
    }

    /** Binds {@link #UPDATE}'s parameters; returns the next free index. */
    private static int bindUpdate(PreparedStatement update, VerificationFlow next) throws SQLException {
        int index = bindContent(update, 1, next);
        update.setString(index++, next.id().value());
        update.setLong(index++, next.version() - 1);
        return index;
    }

    /** Binds every column but the id, from {@code first} on; returns the next free parameter index. */
    private static int bindContent(PreparedStatement statement, int first, VerificationFlow flow) throws SQLException {
        int index = first;
        statement.setString(index++, flow.number().digits());
        statement.setString(index++, flow.requestId().value());
        statement.setString(index++, flow.state().name());
        statement.setString(index++, flow.channel().name());
        statement.setInt(index++, flow.wrongAttempts());
        statement.setInt(index++, flow.attemptsRemaining());
        statement.setObject(index++, Sql.timestamp(flow.createdAt()));
        statement.setObject(index++, Sql.timestamp(flow.updatedAt()));
        statement.setObject(index++, Sql.timestamp(flow.stepStartedAt()));
        statement.setObject(index++, Sql.timestamp(flow.expiresAt()));
        statement.setString(index++, flow.endReason().map(EndReason::name).orElse(null));
        statement.setLong(index++, flow.version());
        return index;
    }

    private static VerificationFlow toFlow(ResultSet row) throws SQLException {
        return new VerificationFlow(
                new FlowId(row.getString("id")),
                PhoneNumber.parse(row.getString("phone_number")),
                new RequestId(row.getString("request_id")),
                FlowState.valueOf(row.getString("state")),
                Channel.valueOf(row.getString("channel")),
                row.getInt("wrong_attempts"),
                row.getInt("attempts_remaining"),
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(),
                row.getObject("step_started_at", OffsetDateTime.class).toInstant(),
                row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                Optional.ofNullable(row.getString("end_reason")).map(EndReason::valueOf),
                row.getLong("version"));
    }

    /** Truncates rather than letting the driver round, so a stored instant is never later than the real one. */
    private StoreUnavailableException unavailable(String what, SQLException e) {
        return Sql.unavailable(dataSource, "flow store", what, e);
    }
}
