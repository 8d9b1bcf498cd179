package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.Results;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** 32 users submit a code to one flow at the same moment. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ConcurrentChecksTest {
    private static final int THREADS = 32;
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");

    private final MutableClock clock = new MutableClock();
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Every abuse control on, counting in memory, as an app with one instance runs. */
    private Verifications serviceWith(SlowCheckGateway gateway, VerificationPolicy policy) {
        return Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(InMemoryStores.defaultAbuseControls()).brand(new Brand("Acme")).clock(clock)
                .policy(policy).build();
    }

    /** A refusal because the flow has already ended, as the losers of the race are answered. */
    private static boolean refusedAsFinished(CheckResult answer) {
        return answer instanceof CheckResult.Refused refused && refused.refusal() instanceof Refusal.FlowFinished;
    }

    @Test
    void thirtyTwoCorrectCodesAtOnceVerifyExactlyOnce() throws Exception {
        SlowCheckGateway gateway = new SlowCheckGateway(clock, new CheckOutcome.Correct());
        Verifications service = serviceWith(gateway, VerificationPolicy.defaults());
        VerificationFlow flow = Results.started(service.start(StartCommand.to(NUMBER)));

        List<CheckResult> answers = submitAtOnce(
                () -> service.check(new CheckCommand(flow.id(), VerificationCode.parse("1234"))));

        assertThat(answers).filteredOn(CheckResult.Verified.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(ConcurrentChecksTest::refusedAsFinished).hasSize(THREADS - 1);
        assertThat(store.find(flow.id()).orElseThrow().state()).isEqualTo(FlowState.VERIFIED);
        assertThat(gateway.checkCalls()).isEqualTo(1);
        assertThat(gateway.maxInFlight()).isEqualTo(1);
    }

    @Test
    void thirtyTwoWrongCodesAtOnceCountEveryAttemptUpToThePolicy() throws Exception {
        SlowCheckGateway gateway = new SlowCheckGateway(clock, ScriptedGateway.wrongCode());
        Verifications service = serviceWith(gateway, VerificationPolicy.defaults().withMaxWrongAttempts(10));
        VerificationFlow flow = Results.started(service.start(StartCommand.to(NUMBER)));

        List<CheckResult> answers = submitAtOnce(
                () -> service.check(new CheckCommand(flow.id(), VerificationCode.parse("9999"))));

        assertThat(answers).filteredOn(CheckResult.WrongCode.class::isInstance).hasSize(9);
        assertThat(answers).filteredOn(CheckResult.Failed.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(ConcurrentChecksTest::refusedAsFinished).hasSize(THREADS - 10);
        VerificationFlow after = store.find(flow.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(FlowState.FAILED);
        assertThat(after.wrongAttempts()).isEqualTo(10);
        assertThat(gateway.checkCalls()).isEqualTo(10);
        assertThat(gateway.maxInFlight()).isEqualTo(1);
    }

    /** Runs the task on every thread, released together by a barrier; returns each result. */
    private List<CheckResult> submitAtOnce(Callable<CheckResult> task) throws Exception {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<CheckResult>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<CheckResult> answers = new ArrayList<>();
        for (Future<CheckResult> future : futures) {
            answers.add(future.get(15, TimeUnit.SECONDS));
        }
        return answers;
    }

    /**
     * Answers every check the same way, but holds each check open for a moment by spinning (no sleeping), so
     * concurrent checks would overlap if the service let them, and records the most that ever did.
     */
    private static final class SlowCheckGateway extends ScriptedGatewayDelegate {
        private final CheckOutcome answer;
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicInteger checkCalls = new AtomicInteger();

        SlowCheckGateway(MutableClock clock, CheckOutcome answer) {
            super(new ScriptedGateway(clock));
            this.answer = answer;
        }

        @Override
        public CheckOutcome check(RequestId requestId, VerificationCode code) {
            checkCalls.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(500);
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return answer;
            } finally {
                inFlight.decrementAndGet();
            }
        }

        int checkCalls() {
            return checkCalls.get();
        }

        int maxInFlight() {
            return maxInFlight.get();
        }
    }
}
