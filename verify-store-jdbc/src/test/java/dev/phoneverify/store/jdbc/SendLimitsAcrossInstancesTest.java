package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two service instances over two pools count one number's sends together, so its limit holds across both. */
class SendLimitsAcrossInstancesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int PER_NUMBER = 3;
    private static final int RACING_STARTS = 16;
    /** Only the per-number limit, so nothing else refuses the racing starts. */
    private static final AbuseControlPolicy POLICY = AbuseControlPolicy.none()
            .withSendLimits(SendLimitPolicy.none().withPerNumber(SendLimit.of(PER_NUMBER, Duration.ofMinutes(10))));

    private final ScriptedProvider provider = new ScriptedProvider(CLOCK);
    private PostgresStores poolA;
    private PostgresStores poolB;

    @BeforeEach
    void connectTwoInstances() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        poolA = PostgresStores.connect(database);
        poolB = PostgresStores.connect(database);
    }

    @AfterEach
    void disconnect() {
        poolA.close();
        poolB.close();
    }

    /** One app instance: its own service and pool, the provider both share. */
    private Verifications instanceOver(PostgresStores stores) {
        AbuseControls controls = stores.abuseControls(POLICY, CLOCK);
        return Verifications.builder().gateway(provider).flows(stores.flowStore(CLOCK)).abuseControls(controls)
                .brand(new Brand("TwoInstances")).clock(CLOCK).build();
    }

    @Test
    void racingStartsForOneNumberThroughBothInstancesGetExactlyTheLimit() throws Exception {
        Verifications instanceA = instanceOver(poolA);
        Verifications instanceB = instanceOver(poolB);
        StartCommand start = StartCommand.to(PhoneNumber.parse("+447700900077"));

        List<StartResult> results = race(racer -> (racer % 2 == 0 ? instanceA : instanceB).start(start));

        assertThat(results).filteredOn(SendLimitsAcrossInstancesTest::isRateLimited)
                .hasSize(RACING_STARTS - PER_NUMBER)
                .allSatisfy(refused -> assertThat(((Refusal.RateLimited) ((StartResult.Refused) refused).refusal())
                        .limit()).isEqualTo(Refusal.Limit.PER_NUMBER));
        assertThat(results).filteredOn(result -> !isRateLimited(result)).hasSize(PER_NUMBER);
    }

    private static boolean isRateLimited(StartResult result) {
        return result instanceof StartResult.Refused refused && refused.refusal() instanceof Refusal.RateLimited;
    }

    /** Runs {@code start} once per racer, all released at once; each racer's result. */
    private static List<StartResult> race(Start start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACING_STARTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StartResult>> futures = new ArrayList<>();
            for (int i = 0; i < RACING_STARTS; i++) {
                int racer = i;
                Callable<StartResult> task = () -> {
                    go.await();
                    return start.by(racer);
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<StartResult> results = new ArrayList<>();
            for (Future<StartResult> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's start. */
    private interface Start {
        StartResult by(int racer);
    }
}
