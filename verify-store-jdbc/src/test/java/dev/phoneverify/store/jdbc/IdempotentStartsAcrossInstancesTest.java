package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances, each with its own pool and its own {@link Verifications}, share the keys in one database: a
 * start retried on the other instance answers the first one's verification, and racing duplicates send once.
 */
class IdempotentStartsAcrossInstancesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900555");
    private static final int RACERS = 12;

    private final ScriptedProvider provider = new ScriptedProvider(CLOCK);
    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    private PostgresStores poolA;
    private PostgresStores poolB;
    private Verifications instanceA;
    private Verifications instanceB;

    @BeforeEach
    void startTwoInstances() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        poolA = PostgresStores.connect(database);
        poolB = PostgresStores.connect(database);
        instanceA = instanceOver(poolA);
        instanceB = instanceOver(poolB);
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        poolA.close();
        poolB.close();
    }

    private Verifications instanceOver(PostgresStores stores) {
        return Verifications.builder().gateway(provider).flows(stores.flowStore(CLOCK))
                .idempotencyKeys(stores.idempotencyStore())
                .abuseControls(AbuseControls.off()).brand(new Brand("TwoInstances")).clock(CLOCK).build();
    }

    private static StartCommand keyed(String key) {
        return StartCommand.to(NUMBER).withIdempotencyKey(new IdempotencyKey(key));
    }

    private static FlowId started(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow().id();
    }

    @Test
    void aStartRetriedOnTheOtherInstanceAnswersTheSameVerification() {
        FlowId first = started(instanceA.start(keyed("retry-elsewhere")));

        FlowId retry = started(instanceB.start(keyed("retry-elsewhere")));

        assertThat(retry).isEqualTo(first);
        assertThat(provider.starts()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedOnTheOtherInstance() {
        started(instanceA.start(keyed("reused")));

        StartResult other = instanceB.start(StartCommand.to(PhoneNumber.parse("+447700900556"))
                .withIdempotencyKey(new IdempotencyKey("reused")));

        assertThat(other).isEqualTo(new StartResult.Refused(
                new Refusal.IdempotencyKeyConflict(Refusal.KeyConflict.REUSED)));
        assertThat(provider.starts()).isEqualTo(1);
    }

    @Test
    void duplicatesRacingOnBothInstancesSendOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(RACERS);
        List<Future<StartResult>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Verifications instance = i % 2 == 0 ? instanceA : instanceB;
            Callable<StartResult> racer = () -> {
                together.await(10, TimeUnit.SECONDS);
                return instance.start(keyed("raced"));
            };
            answers.add(pool.submit(racer));
        }

        List<FlowId> flows = new ArrayList<>();
        for (Future<StartResult> answer : answers) {
            flows.add(started(answer.get(30, TimeUnit.SECONDS)));
        }

        assertThat(provider.starts()).isEqualTo(1);
        assertThat(flows).hasSize(RACERS).containsOnly(flows.get(0));
    }
}
