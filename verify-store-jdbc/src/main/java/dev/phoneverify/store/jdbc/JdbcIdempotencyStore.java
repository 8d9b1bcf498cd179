package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Adapter: an {@link IdempotencyStore} in PostgreSQL's {@code idempotency_key} table, beside the flows, so a start
 * retried on any instance on the database finds the first one's verification.
 *
 * <p>A claim is one {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING}: the database locks the
 * key's row for the statement, so of racing claims exactly one returns a row; the others read what the key holds.
 * A completed key refers to its flow, and goes when the flow's retention purge drops the flow. Claims whose start
 * never finished are dropped by {@link #purgeUnfinishedBefore(Instant)}; schedule it. Keys are never put into
 * messages.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {
    /** A new key, or a claim gone stale without a flow, is (re)claimed; anything else is left as it is. */
    static final String CLAIM = "INSERT INTO idempotency_key AS k (key, fingerprint, claimed_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, claimed_at = EXCLUDED.claimed_at "
            + "WHERE k.flow_id IS NULL AND k.claimed_at < ? "
            + "RETURNING key";
    private static final String READ = "SELECT fingerprint, flow_id FROM idempotency_key WHERE key = ?";
    private static final String COMPLETE = "UPDATE idempotency_key SET flow_id = ? WHERE key = ?";
    private static final String RELEASE = "DELETE FROM idempotency_key WHERE key = ? AND flow_id IS NULL";
    // SKIP LOCKED: instances purging at once share the rows; a row a start holds is left for next time.
    static final String PURGE_UNFINISHED = "DELETE FROM idempotency_key WHERE key IN ("
            + "SELECT key FROM idempotency_key WHERE flow_id IS NULL AND claimed_at < ? "
            + "ORDER BY claimed_at LIMIT ? FOR UPDATE SKIP LOCKED)";
    /** A claim read between another's release and its next claim is retried; this bounds the retries. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final DataSource dataSource;
    private final int purgeBatch;

    /** @param purgeBatch rows deleted per statement by {@link #purgeUnfinishedBefore(Instant)} */
    public JdbcIdempotencyStore(DataSource dataSource, int purgeBatch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.purgeBatch = Sql.requirePurgeBatch(purgeBatch);
    }

    public JdbcIdempotencyStore(DataSource dataSource) {
        this(dataSource, JdbcFlowStore.DEFAULT_PURGE_BATCH);
    }

    @Override
    public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement claim = connection.prepareStatement(CLAIM);
             PreparedStatement read = connection.prepareStatement(READ)) {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                claim.setString(1, key.value());
                claim.setString(2, fingerprint);
                claim.setObject(3, Sql.timestamp(now));
                claim.setObject(4, Sql.timestamp(staleBefore));
                try (ResultSet claimed = claim.executeQuery()) {
                    if (claimed.next()) {
                        return new Claim.Claimed();
                    }
                }
                read.setString(1, key.value());
                try (ResultSet held = read.executeQuery()) {
                    if (held.next()) {
                        String flow = held.getString("flow_id");
                        String heldFingerprint = held.getString("fingerprint");
                        return flow == null ? new Claim.Running(heldFingerprint)
                                : new Claim.Completed(heldFingerprint, new FlowId(flow));
                    }
                }
                // Released (or purged) between the two statements: claim again.
            }
            throw new StoreUnavailableException("the idempotency store could not claim a key: it changed under "
                    + CLAIM_ATTEMPTS + " claims in a row");
        } catch (SQLException e) {
            throw unavailable("claim a key", e);
        }
    }

    @Override
    public void complete(IdempotencyKey key, FlowId flow) {
        Objects.requireNonNull(flow, "flow");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement complete = connection.prepareStatement(COMPLETE)) {
            complete.setString(1, flow.value());
            complete.setString(2, key.value());
            complete.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("complete a key", e);
        }
    }

    @Override
    public void release(IdempotencyKey key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement(RELEASE)) {
            release.setString(1, key.value());
            release.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("release a key", e);
        }
    }

    /**
     * Drops claims made before {@code cutoff} that never began a flow (their instance stopped mid-start). Completed
     * keys go with their flows. For a scheduler to call every minute or so.
     *
     * @return how many rows it dropped
     */
    public int purgeUnfinishedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        int[] dropped = {0};
        try {
            return Sql.deleteInBatches(dataSource, PURGE_UNFINISHED, cutoff, purgeBatch, dropped);
        } catch (SQLException e) {
            throw unavailable("purge unfinished keys (" + dropped[0] + " dropped so far)", e);
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return Sql.unavailable(dataSource, "idempotency store", what, e);
    }
}
