package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.service.CheckResult;
import dev.phoneverify.core.service.FlowFinishedException;
import dev.phoneverify.core.service.VerificationEvent;
import dev.phoneverify.core.service.AbuseControls;
import dev.phoneverify.core.service.VerificationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two app instances, each with its own {@link VerificationService} and its own pool, share one database and one
 * provider: a flow started on one is completed on the other, and racing instances never lose an update.
 */
class TwoInstancesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CONCURRENT_CHECKS = 32;

    private final ScriptedProvider provider = new ScriptedProvider(CLOCK);
    private final Map<String, AtomicInteger> eventCounts = new ConcurrentHashMap<>();
    private PostgresStores poolA;
    private PostgresStores poolB;
    private VerificationService instanceA;
    private VerificationService instanceB;

    @BeforeEach
    void startTwoInstances() {
        DatabaseSettings database = TestPostgres.freshDatabase();
        poolA = PostgresStores.connect(database);
        poolB = PostgresStores.connect(database);
        instanceA = instanceOver(poolA);
        instanceB = instanceOver(poolB);
    }

    @AfterEach
    void stopInstances() {
        poolA.close();
        poolB.close();
    }

    private VerificationService instanceOver(PostgresStores stores) {
        VerificationService service = new VerificationService(provider, stores.flowStore(CLOCK),
                VerificationPolicy.defaults(), new Brand("TwoInstances"), CLOCK, AbuseControls.none());
        service.addListener(event -> eventCounts.computeIfAbsent(event.getClass().getSimpleName(),
                name -> new AtomicInteger()).incrementAndGet());
        return service;
    }

    @Test
    void aCodeSentThroughOneInstanceIsCheckedThroughTheOther() {
        VerificationFlow started = instanceA.start(PhoneNumber.parse("+447700900001"));

        CheckResult result = instanceB.check(started.id(), ScriptedProvider.CODE);

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
        assertThat(instanceA.find(started.id()).map(VerificationFlow::state)).contains(FlowState.VERIFIED);
    }

    @Test
    void wrongCodesRacingThroughBothInstancesAreAllCounted() throws Exception {
        VerificationFlow started = instanceA.start(PhoneNumber.parse("+447700900002"));

        List<Object> results = checkConcurrently(started, ScriptedProvider.WRONG_CODE, 3);

        assertThat(results).allMatch(CheckResult.class::isInstance);
        VerificationFlow flow = instanceB.find(started.id()).orElseThrow();
        assertThat(flow.wrongAttempts()).isEqualTo(3);
        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
    }

    @Test
    void correctCodesRacingThroughBothInstancesStoreOneVerification() throws Exception {
        VerificationFlow started = instanceA.start(PhoneNumber.parse("+447700900003"));

        List<Object> results = checkConcurrently(started, ScriptedProvider.CODE, CONCURRENT_CHECKS);

        assertThat(results).allMatch(result -> result instanceof FlowFinishedException
                || result instanceof CheckResult checked && checked.outcome() == CheckResult.Outcome.CORRECT);
        assertThat(correctAnswers(results)).isEqualTo(1L);
        VerificationFlow flow = instanceB.find(started.id()).orElseThrow();
        assertThat(flow.state()).isEqualTo(FlowState.VERIFIED);
        assertThat(flow.version()).as("one transition stored").isEqualTo(1);
    }

    @Test
    void correctCodesRacingThroughBothInstancesAnswerCorrectExactlyOnce() throws Exception {
        VerificationFlow started = instanceA.start(PhoneNumber.parse("+447700900004"));

        List<Object> results = checkConcurrently(started, ScriptedProvider.CODE, CONCURRENT_CHECKS);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(correctAnswers(results)).as("CORRECT answers").isEqualTo(1);
            softly.assertThat(eventCounts.get(VerificationEvent.Verified.class.getSimpleName()))
                    .as("Verified events").hasValue(1);
        });
    }

    private static long correctAnswers(List<Object> results) {
        return results.stream().filter(result -> result instanceof CheckResult checked
                && checked.outcome() == CheckResult.Outcome.CORRECT).count();
    }

    /** Checks {@code code} {@code count} times at once, alternating instances; each result or refusal. */
    private List<Object> checkConcurrently(VerificationFlow flow, VerificationCode code, int count)
            throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                VerificationService instance = i % 2 == 0 ? instanceA : instanceB;
                Callable<Object> check = () -> {
                    go.await();
                    try {
                        return instance.check(flow.id(), code);
                    } catch (FlowFinishedException refused) {
                        return refused;
                    }
                };
                answers.add(users.submit(check));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            users.shutdownNow();
        }
    }
}
