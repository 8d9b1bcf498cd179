package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.service.AbuseControls;
import dev.phoneverify.core.service.RateLimitedException;
import dev.phoneverify.core.service.VerificationService;
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
    private VerificationService instanceOver(PostgresStores stores) {
        AbuseControls controls = new AbuseControls(POLICY, stores.rateLimitStore(), stores.conversionStatsStore(CLOCK));
        return new VerificationService(provider, stores.flowStore(CLOCK),
                VerificationPolicy.defaults(), new Brand("TwoInstances"), CLOCK, controls);
    }

    @Test
    void racingStartsForOneNumberThroughBothInstancesGetExactlyTheLimit() throws Exception {
        VerificationService instanceA = instanceOver(poolA);
        VerificationService instanceB = instanceOver(poolB);
        PhoneNumber number = PhoneNumber.parse("+447700900077");

        List<Object> results = race(racer -> (racer % 2 == 0 ? instanceA : instanceB).start(number));

        assertThat(results).filteredOn(RateLimitedException.class::isInstance).hasSize(RACING_STARTS - PER_NUMBER)
                .allSatisfy(refusal -> assertThat(((RateLimitedException) refusal).limit())
                        .isEqualTo(RateLimitedException.Limit.PER_NUMBER));
        assertThat(results).filteredOn(result -> !(result instanceof RateLimitedException)).hasSize(PER_NUMBER);
    }

    /** Runs {@code start} once per racer, all released at once; each racer's flow or refusal. */
    private static List<Object> race(Start start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACING_STARTS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < RACING_STARTS; i++) {
                int racer = i;
                Callable<Object> task = () -> {
                    go.await();
                    try {
                        return start.by(racer);
                    } catch (RateLimitedException refused) {
                        return refused;
                    }
                };
                futures.add(pool.submit(task));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One racer's start. */
    private interface Start {
        Object by(int racer);
    }
}
