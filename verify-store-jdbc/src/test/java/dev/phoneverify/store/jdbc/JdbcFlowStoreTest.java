package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
        execute("TRUNCATE idempotency_key, verification_flow");
    }

    private static VerificationFlow flow(FlowState state, Instant updatedAt, Instant expiresAt) {
        Optional<EndReason> reason = switch (state) {
            case PENDING -> Optional.empty();
            case VERIFIED -> Optional.of(EndReason.CODE_VERIFIED);
            case FAILED -> Optional.of(EndReason.TOO_MANY_WRONG_CODES);
            case EXPIRED -> Optional.of(EndReason.TIMED_OUT);
            case CANCELLED -> Optional.of(EndReason.CANCELLED_ON_REQUEST);
        };
        return new VerificationFlow(FlowId.random(), PhoneNumber.parse("+447700900456"), new RequestId("req-1"),
                state, Channel.SMS, 0, 3, updatedAt.minusSeconds(60), updatedAt, updatedAt.minusSeconds(60),
                expiresAt, reason, 1);
    }

    /** Every end reason on every channel, each with a request id as long as the port allows. */
    static Stream<Arguments> endReasonsOnEveryChannel() {
        return Arrays.stream(EndReason.values())
                .flatMap(reason -> Arrays.stream(Channel.values()).map(channel -> Arguments.of(reason, channel)));
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
            assertThat(appliedMigrations(restarted)).containsExactly("1 verification flows", "2 abuse controls",
                    "3 flow steps end reasons and provider ids", "4 admission in one round trip",
                    "5 webhook token replays", "6 idempotency keys");
        }
    }

    @ParameterizedTest
    @MethodSource("endReasonsOnEveryChannel")
    void aFlowOnAnyChannelEndedForAnyReasonWithTheLongestRequestIdIsReadBackAsItWas(EndReason reason,
                                                                                   Channel channel) {
        JdbcFlowStore store = stores.flowStore(CLOCK);
        VerificationFlow pending = new VerificationFlow(FlowId.random(), PhoneNumber.parse("+447700900456"),
                new RequestId("r".repeat(RequestId.MAX_LENGTH)), FlowState.PENDING, channel, 1, 2,
                NOW.minusSeconds(90), NOW.minusSeconds(30), NOW.minusSeconds(45), NOW.plusSeconds(600),
                Optional.empty(), 3);
        store.insert(pending);
        VerificationFlow ended = pending.ended(reason, NOW);

        assertThat(store.update(ended)).isTrue();

        assertThat(store.find(pending.id())).contains(ended);
        assertThat(store.findByRequestId(pending.requestId())).contains(ended);
    }

    @Test
    void aRequestIdFindsTheNewestFlowThatHasIt() {
        JdbcFlowStore store = stores.flowStore(CLOCK);
        RequestId uuid = new RequestId("3f0b9c1e-7a52-4d0e-9c1f-2b6a8e4d7c90");
        VerificationFlow older = withRequestId(flow(FlowState.EXPIRED, NOW.minusSeconds(600), NOW), uuid);
        VerificationFlow newer = withRequestId(flow(FlowState.PENDING, NOW, NOW.plusSeconds(600)), uuid);
        store.insert(older);
        store.insert(newer);

        assertThat(store.findByRequestId(uuid)).contains(newer);
        assertThat(store.findByRequestId(new RequestId("unknown-request"))).isEmpty();
    }

    @Test
    void flowsWrittenBeforeTheThirdMigrationGetAStepStartAndAnEndReason() throws SQLException {
        DatabaseSettings database = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations(PostgresStores.MIGRATIONS).table(PostgresStores.HISTORY_TABLE).target("2").load().migrate();
        FlowId pending = FlowId.random();
        FlowId verified = FlowId.random();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement insert = connection.createStatement()) {
            insert.execute("INSERT INTO verification_flow VALUES "
                    + "('" + pending + "', '447700900456', '0123456789abcdef0123456789abcdef', 'PENDING', 'VOICE', "
                    + "1, 2, '2031-05-04T10:00:00Z', '2031-05-04T10:02:05Z', '2031-05-04T10:10:00Z', 2), "
                    + "('" + verified + "', '447700900457', 'fedcba9876543210fedcba9876543210', 'VERIFIED', 'SMS', "
                    + "0, 3, '2031-05-04T10:00:00Z', '2031-05-04T10:01:00Z', '2031-05-04T10:10:00Z', 1)");
        }

        try (PostgresStores migrated = PostgresStores.connect(database)) {
            JdbcFlowStore store = migrated.flowStore(CLOCK);
            VerificationFlow stillPending = store.find(pending).orElseThrow();
            assertThat(stillPending.stepStartedAt()).isEqualTo(Instant.parse("2031-05-04T10:00:00Z"));
            assertThat(stillPending.endReason()).isEmpty();
            assertThat(stillPending.channel()).isEqualTo(Channel.VOICE);
            assertThat(store.find(verified).orElseThrow().endReason()).contains(EndReason.CODE_VERIFIED);
            assertThat(store.findByRequestId(new RequestId("0123456789abcdef0123456789abcdef")))
                    .map(VerificationFlow::id).contains(pending);
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
    void aLookupByRequestIdReadsTheRequestIdIndex() throws SQLException {
        assertThat(QueryPlans.planOf(stores.dataSource(), JdbcFlowStore.FIND_BY_REQUEST_ID, "req-1"))
                .contains("verification_flow_by_request_id");
    }

    @Test
    void theFinishedPurgeReadsOnlyTheFinishedIndex() throws SQLException {
        assertThat(planOf(JdbcFlowStore.PURGE_FINISHED)).contains("verification_flow_finished_by_update");
    }

    @Test
    void theAbandonedPurgeReadsOnlyThePendingIndex() throws SQLException {
        assertThat(planOf(JdbcFlowStore.PURGE_ABANDONED)).contains("verification_flow_pending_by_expiry");
    }

    private static VerificationFlow withRequestId(VerificationFlow flow, RequestId requestId) {
        return new VerificationFlow(flow.id(), flow.number(), requestId, flow.state(), flow.channel(),
                flow.wrongAttempts(), flow.attemptsRemaining(), flow.createdAt(), flow.updatedAt(),
                flow.stepStartedAt(), flow.expiresAt(), flow.endReason(), flow.version());
    }

    private static String planOf(String sql) throws SQLException {
        return QueryPlans.planOf(stores.dataSource(), sql, NOW);
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
