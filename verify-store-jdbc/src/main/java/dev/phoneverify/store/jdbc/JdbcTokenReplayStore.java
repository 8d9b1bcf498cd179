package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.port.TokenReplayStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Adapter: a {@link TokenReplayStore} in PostgreSQL's {@code webhook_token_replay} table, so a token accepted by one
 * instance is refused by every other.
 *
 * <p>The decision is one {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING} statement: a new id is
 * inserted, a row whose time has passed is taken over, and a live row is left alone and nothing returns (seen).
 * Rows whose time has passed are dropped by {@link #purgeExpired(Instant)} in batches; schedule it.
 */
public final class JdbcTokenReplayStore implements TokenReplayStore {
    static final String REMEMBER = "INSERT INTO webhook_token_replay AS t (token_id, keep_until) VALUES (?, ?) "
            + "ON CONFLICT (token_id) DO UPDATE SET keep_until = EXCLUDED.keep_until WHERE t.keep_until <= ? "
            + "RETURNING token_id";
    private static final String FORGET = "DELETE FROM webhook_token_replay WHERE token_id = ?";
    // SKIP LOCKED: instances purging at once share the rows.
    static final String PURGE = "DELETE FROM webhook_token_replay WHERE token_id IN ("
            + "SELECT token_id FROM webhook_token_replay WHERE keep_until <= ? "
            + "ORDER BY keep_until LIMIT ? FOR UPDATE SKIP LOCKED)";

    private final DataSource dataSource;
    private final int purgeBatch;

    /** @param purgeBatch rows deleted per statement by {@link #purgeExpired(Instant)} */
    public JdbcTokenReplayStore(DataSource dataSource, int purgeBatch) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.purgeBatch = Sql.requirePurgeBatch(purgeBatch);
    }

    public JdbcTokenReplayStore(DataSource dataSource) {
        this(dataSource, JdbcFlowStore.DEFAULT_PURGE_BATCH);
    }

    @Override
    public boolean rememberIfNew(String tokenId, Instant keepUntil, Instant now) {
        requireId(tokenId);
        Objects.requireNonNull(keepUntil, "keepUntil");
        Objects.requireNonNull(now, "now");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement remember = connection.prepareStatement(REMEMBER)) {
            remember.setString(1, tokenId);
            remember.setObject(2, Sql.timestamp(keepUntil));
            remember.setObject(3, Sql.timestamp(now));
            try (ResultSet kept = remember.executeQuery()) {
                return kept.next();
            }
        } catch (SQLException e) {
            throw unavailable("remember a token", e);
        }
    }

    @Override
    public void forget(String tokenId) {
        requireId(tokenId);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setString(1, tokenId);
            forget.executeUpdate();
        } catch (SQLException e) {
            throw unavailable("forget a token", e);
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        int[] dropped = {0};
        try {
            return Sql.deleteInBatches(dataSource, PURGE, now, purgeBatch, dropped);
        } catch (SQLException e) {
            throw unavailable("purge old tokens (" + dropped[0] + " dropped so far)", e);
        }
    }

    private static void requireId(String tokenId) {
        if (tokenId == null || tokenId.isEmpty() || tokenId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a token id has 1 to " + MAX_ID_LENGTH + " characters");
        }
    }

    private StoreUnavailableException unavailable(String what, SQLException e) {
        return Sql.unavailable(dataSource, "token replay store", what, e);
    }
}
