package dev.phoneverify.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.VerificationEvent;
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
 * Two app instances, each with its own {@link Verifications} and its own pool, share one database and one
 * provider: a flow started on one is completed on the other, and racing instances never lose an update.
 */
class TwoInstancesTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final int CONCURRENT_CHECKS = 32;

    private final ScriptedProvider provider = new ScriptedProvider(CLOCK);
    private final Map<String, AtomicInteger> eventCounts = new ConcurrentHashMap<>();
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
    void stopInstances() {
        poolA.close();
        poolB.close();
    }

    private Verifications instanceOver(PostgresStores stores) {
        Verifications service = Verifications.builder().gateway(provider).flows(stores.flowStore(CLOCK))
                .abuseControls(AbuseControls.off()).brand(new Brand("TwoInstances")).clock(CLOCK).build();
        service.addListener(event -> eventCounts.computeIfAbsent(event.kind().name(),
                name -> new AtomicInteger()).incrementAndGet());
        return service;
    }

    private static VerificationFlow started(Verifications instance, String number) {
        StartResult result = instance.start(StartCommand.to(PhoneNumber.parse(number)));
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow();
    }

    @Test
    void aCodeSentThroughOneInstanceIsCheckedThroughTheOther() {
        VerificationFlow started = started(instanceA, "+447700900001");

        CheckResult result = instanceB.check(new CheckCommand(started.id(), ScriptedProvider.CODE));

        assertThat(result).isInstanceOf(CheckResult.Verified.class);
        assertThat(instanceA.find(started.id()).map(VerificationFlow::state)).contains(FlowState.VERIFIED);
    }

    @Test
    void wrongCodesRacingThroughBothInstancesAreAllCounted() throws Exception {
        VerificationFlow started = started(instanceA, "+447700900002");

        List<CheckResult> results = checkConcurrently(started, ScriptedProvider.WRONG_CODE, 3);

        assertThat(results).noneMatch(CheckResult.Refused.class::isInstance);
        VerificationFlow flow = instanceB.find(started.id()).orElseThrow();
        assertThat(flow.wrongAttempts()).isEqualTo(3);
        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
    }

    @Test
    void correctCodesRacingThroughBothInstancesStoreOneVerification() throws Exception {
        VerificationFlow started = started(instanceA, "+447700900003");

        List<CheckResult> results = checkConcurrently(started, ScriptedProvider.CODE, CONCURRENT_CHECKS);

        assertThat(results).allMatch(result -> result instanceof CheckResult.Refused refused
                && refused.refusal() instanceof Refusal.FlowFinished
                || result instanceof CheckResult.Verified);
        assertThat(correctAnswers(results)).isEqualTo(1L);
        VerificationFlow flow = instanceB.find(started.id()).orElseThrow();
        assertThat(flow.state()).isEqualTo(FlowState.VERIFIED);
        assertThat(flow.version()).as("one transition stored").isEqualTo(1);
    }

    @Test
    void correctCodesRacingThroughBothInstancesAnswerCorrectExactlyOnce() throws Exception {
        VerificationFlow started = started(instanceA, "+447700900004");

        List<CheckResult> results = checkConcurrently(started, ScriptedProvider.CODE, CONCURRENT_CHECKS);

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(correctAnswers(results)).as("CORRECT answers").isEqualTo(1);
            softly.assertThat(eventCounts.get(VerificationEvent.Kind.VERIFIED.name()))
                    .as("Verified events").hasValue(1);
        });
    }

    private static long correctAnswers(List<CheckResult> results) {
        return results.stream().filter(CheckResult.Verified.class::isInstance).count();
    }

    /** Checks {@code code} {@code count} times at once, alternating instances; each result. */
    private List<CheckResult> checkConcurrently(VerificationFlow flow, VerificationCode code, int count)
            throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CheckResult>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Verifications instance = i % 2 == 0 ? instanceA : instanceB;
                Callable<CheckResult> check = () -> {
                    go.await();
                    return instance.check(new CheckCommand(flow.id(), code));
                };
                answers.add(users.submit(check));
            }
            go.countDown();
            List<CheckResult> results = new ArrayList<>();
            for (Future<CheckResult> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            users.shutdownNow();
        }
    }
}
