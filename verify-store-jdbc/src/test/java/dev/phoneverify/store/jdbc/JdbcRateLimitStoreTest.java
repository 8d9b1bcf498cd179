package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.port.Acquisition;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract cannot say about the PostgreSQL rate limit store: two pools, the purge, its indexes. */
class JdbcRateLimitStoreTest {
    private static final Instant NOW = Instant.parse("2031-05-04T10:13:30.123Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final EscalatingDelay DELAY =
            new EscalatingDelay(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1));
    private static final int RACERS = 32;
    private static DatabaseSettings database;
    private static PostgresStores instanceA;
    private static PostgresStores instanceB;

    @BeforeAll
    static void connectTwoInstances() {
        database = TestPostgres.freshDatabase();
        instanceA = PostgresStores.connect(database);
        instanceB = PostgresStores.connect(database);
    }

    @AfterAll
    static void disconnect() {
        instanceA.close();
        instanceB.close();
    }

    @BeforeEach
    void emptyTheTables() {
        TestPostgres.truncate(instanceA.dataSource(), "rate_limit_counter, rate_limit_hold");
    }

    @Test
    void racingInstancesOverTwoPoolsNeverGrantMoreThanTheLimit() throws Exception {
        JdbcRateLimitStore a = instanceA.rateLimitStore();
        JdbcRateLimitStore b = instanceB.rateLimitStore();

        List<Boolean> granted = race(racer -> (racer % 2 == 0 ? a : b).tryAcquire("number:447700900001", 3, WINDOW,
                NOW).granted());

        assertThat(granted).filteredOn(Boolean::booleanValue).hasSize(3);
    }

    @Test
    void ofRacingInstancesAtMostOnePassesTheCooldown() throws Exception {
        JdbcRateLimitStore a = instanceA.rateLimitStore();
        JdbcRateLimitStore b = instanceB.rateLimitStore();

        List<Boolean> passed = race(racer -> (racer % 2 == 0 ? a : b).tryPassAndHold("resend:447700900001", DELAY,
                NOW).granted());

        assertThat(passed).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void aRefusalSaysHowLongTheHoldStillLasts() {
        JdbcRateLimitStore store = instanceA.rateLimitStore();
        store.tryPassAndHold("resend:1", DELAY, NOW);

        Acquisition refused = store.tryPassAndHold("resend:1", DELAY, NOW.plusSeconds(12));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(18));
    }

    @Test
    void thePurgeDropsInBatchesOnlyWhatNoLongerMatters() {
        StatementCountingDataSource counting = new StatementCountingDataSource(instanceA.dataSource());
        JdbcRateLimitStore store = new JdbcRateLimitStore(counting.dataSource(), 10);
        Instant later = NOW.plus(Duration.ofHours(2));
        for (int i = 0; i < 25; i++) {
            store.tryAcquire("client:old-" + i, 5, WINDOW, NOW);
        }
        store.hold("resend:old", DELAY, NOW);
        store.tryAcquire("client:live", 1, WINDOW, later);
        store.hold("resend:live", DELAY, later);
        int writesBefore = counting.updatesExecuted();

        assertThat(store.purgeExpired(later)).isEqualTo(26);

        assertThat(counting.updatesExecuted() - writesBefore).as("counters: 10 + 10 + 5; holds: 1").isEqualTo(4);
        assertThat(store.tryAcquire("client:live", 1, WINDOW, later).granted()).as("live counter kept").isFalse();
        assertThat(store.heldUntil("resend:live", later)).as("live hold kept").isPresent();
    }

    @Test
    void thePurgesReadThroughTheTimeIndexes() throws SQLException {
        assertThat(QueryPlans.planOf(instanceA.dataSource(), JdbcRateLimitStore.PURGE_COUNTERS, NOW))
                .contains("rate_limit_counter_by_window_end");
        assertThat(QueryPlans.planOf(instanceA.dataSource(), JdbcRateLimitStore.PURGE_HOLDS, NOW))
                .contains("rate_limit_hold_by_forget_at");
        assertThat(QueryPlans.planOf(instanceA.dataSource(), JdbcConversionStatsStore.PURGE_BUCKETS, NOW))
                .contains("conversion_bucket_by_start");
    }

    /** Calls {@code call} once per racer, all released at once; each racer's answer. */
    private static List<Boolean> race(Racer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                Callable<Boolean> task = () -> {
                    go.await();
                    return call.answer(racer);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                answers.add(future.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's call. */
    private interface Racer {
        boolean answer(int racer);
    }
}
