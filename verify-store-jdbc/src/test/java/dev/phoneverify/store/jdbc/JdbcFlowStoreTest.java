package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the PostgreSQL store promises: its schema, its batched purges and the indexes they read. */
class JdbcFlowStoreTest {
    private static final Instant NOW = Instant.parse("2031-05-04T10:15:30.123456Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration RETENTION = Duration.ofMinutes(30);
    private static PostgresStores stores;

    @BeforeAll
    static void connect() {
        stores = PostgresStores.connect(TestPostgres.freshDatabase());
    }

    @AfterAll
    static void disconnect() {
        stores.close();
    }

    @BeforeEach
    void emptyTheTable() throws SQLException {
        execute("TRUNCATE verification_flow");
    }

    private static VerificationFlow flow(FlowState state, Instant updatedAt, Instant expiresAt) {
        return new VerificationFlow(FlowId.random(), PhoneNumber.parse("+447700900456"), new RequestId("req-1"),
                state, Channel.SMS, 0, 3, updatedAt.minusSeconds(60), updatedAt, expiresAt, 1);
    }

    @Test
    void migrationsBuildTheSchemaOnAnEmptyDatabaseAndLeaveItAloneOnRestart() throws SQLException {
        DatabaseSettings empty = TestPostgres.freshDatabase();
        VerificationFlow kept = flow(FlowState.PENDING, NOW, NOW.plusSeconds(600));
        try (PostgresStores first = PostgresStores.connect(empty)) {
            first.flowStore(CLOCK).insert(kept);
        }

        try (PostgresStores restarted = PostgresStores.connect(empty)) {
            assertThat(restarted.flowStore(CLOCK).find(kept.id())).contains(kept);
            assertThat(appliedMigrations(restarted)).containsExactly("1 verification flows");
        }
    }

    @Test
    void purgingDeletesInBatchesUntilNothingOldIsLeft() {
        StatementCountingDataSource counting = new StatementCountingDataSource(stores.dataSource());
        JdbcFlowStore store = new JdbcFlowStore(counting.dataSource(), CLOCK, RETENTION, 10);
        Instant cutoff = NOW.minus(RETENTION);
        for (int i = 0; i < 25; i++) {
            store.insert(flow(FlowState.VERIFIED, cutoff.minusSeconds(i + 1), cutoff));
        }
        VerificationFlow live = flow(FlowState.PENDING, cutoff.minusSeconds(5), NOW.plusSeconds(60));
        store.insert(live);
        int insertsCounted = counting.updatesExecuted();

        assertThat(store.purgeFinishedBefore(cutoff)).isEqualTo(25);

        assertThat(counting.updatesExecuted() - insertsCounted).as("delete statements: 10 + 10 + 5").isEqualTo(3);
        assertThat(store.find(live.id())).contains(live);
    }

    @Test
    void abandonedPendingFlowsArePurgedOnlyOnceTheirExpiryIsPastTheCutoff() {
        JdbcFlowStore store = stores.flowStore(CLOCK, RETENTION);
        Instant cutoff = NOW.minus(RETENTION);
        VerificationFlow abandoned = flow(FlowState.PENDING, cutoff.minusSeconds(700), cutoff.minusSeconds(100));
        VerificationFlow expiredRecently = flow(FlowState.PENDING, NOW.minusSeconds(700), NOW.minusSeconds(100));
        VerificationFlow finishedLongAgo = flow(FlowState.FAILED, cutoff.minusSeconds(1), NOW.plusSeconds(60));
        VerificationFlow finishedRecently = flow(FlowState.VERIFIED, NOW.minusSeconds(1), NOW.plusSeconds(60));
        List.of(abandoned, expiredRecently, finishedLongAgo, finishedRecently).forEach(store::insert);

        assertThat(store.purgeBeyondRetention()).isEqualTo(2);

        assertThat(store.find(abandoned.id())).isEmpty();
        assertThat(store.find(finishedLongAgo.id())).isEmpty();
        assertThat(store.find(expiredRecently.id())).contains(expiredRecently);
        assertThat(store.find(finishedRecently.id())).contains(finishedRecently);
    }

    @Test
    void theExpirySweepReadsOnlyThePendingIndex() throws SQLException {
        assertThat(planOf(JdbcFlowStore.PENDING_DUE)).contains("verification_flow_pending_by_expiry");
    }

    @Test
    void theFinishedPurgeReadsOnlyTheFinishedIndex() throws SQLException {
        assertThat(planOf(JdbcFlowStore.PURGE_FINISHED)).contains("verification_flow_finished_by_update");
    }

    @Test
    void theAbandonedPurgeReadsOnlyThePendingIndex() throws SQLException {
        assertThat(planOf(JdbcFlowStore.PURGE_ABANDONED)).contains("verification_flow_pending_by_expiry");
    }

    /**
     * The plan PostgreSQL would choose with sequential scans ruled out: it names a partial index only if the
     * statement's condition implies the index's, that is if the statement can avoid every other row. (On a
     * nearly empty table the planner would rightly prefer a sequential scan, so ruling it out is the test.)
     */
    private static String planOf(String sql) throws SQLException {
        try (Connection connection = stores.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET LOCAL enable_seqscan = off");
            }
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql)) {
                explain.setObject(1, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                explain.setInt(2, 100);
                StringBuilder plan = new StringBuilder();
                try (ResultSet lines = explain.executeQuery()) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).doesNotContain("Seq Scan");
                return plan.toString();
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<String> appliedMigrations(PostgresStores stores) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = stores.dataSource().getConnection();
             Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("SELECT version, description FROM "
                     + PostgresStores.HISTORY_TABLE + " WHERE success ORDER BY installed_rank")) {
            while (rows.next()) {
                applied.add(rows.getString(1) + " " + rows.getString(2));
            }
        }
        return applied;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = stores.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
