package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryIdempotencyStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A start with an idempotency key: one send per key, whatever the retries and however they race. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdempotentStartTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final IdempotencyKey KEY = new IdempotencyKey("8e03978e-40d5-43e8-bc93-6894a57f9324");
    private static final int RACERS = 16;

    private final MutableClock clock = new MutableClock();
    private final InMemoryFlowStore flows = new InMemoryFlowStore(clock);
    private final ScriptedGateway provider = new ScriptedGateway(clock);
    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private Verifications service(VerificationGateway gateway, IdempotencyStore keys, Duration wait) {
        return Verifications.builder().gateway(gateway).flows(flows).abuseControls(AbuseControls.off())
                .brand(new Brand("Acme")).clock(clock).idempotencyKeys(keys).idempotencyWait(wait).build();
    }

    private Verifications service() {
        return service(provider, new InMemoryIdempotencyStore(clock), Duration.ofSeconds(10));
    }

    private static StartCommand keyed() {
        return StartCommand.to(NUMBER).withIdempotencyKey(KEY);
    }

    private static FlowId started(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow().id();
    }

    private static void assertConflict(StartResult result, Refusal.KeyConflict conflict) {
        assertThat(result).isEqualTo(new StartResult.Refused(new Refusal.IdempotencyKeyConflict(conflict)));
    }

    @Test
    void aRetryWithTheSameKeyAndRequestAnswersTheSameVerificationWithoutASecondSend() {
        Verifications service = service();
        FlowId first = started(service.start(keyed()));

        FlowId retry = started(service.start(keyed()));

        assertThat(retry).isEqualTo(first);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void theRetryShowsTheVerificationAsItIsNow() {
        Verifications service = service();
        FlowId first = started(service.start(keyed()));
        service.check(new CheckCommand(first, VerificationCode.parse("1234")));

        StartResult retry = service.start(keyed());

        assertThat(((StartResult.Started) retry).flow().state()).isEqualTo(FlowState.VERIFIED);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void whoAsksIsNotPartOfTheRequest() {
        Verifications service = service();
        FlowId first = started(service.start(keyed().withClient(new ClientKey("198.51.100.7"))));

        FlowId retry = started(service.start(keyed().withClient(new ClientKey("203.0.113.9"))));

        assertThat(retry).isEqualTo(first);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndSendsNothing() {
        Verifications service = service();
        started(service.start(keyed()));

        StartResult otherNumber = service.start(StartCommand.to(PhoneNumber.parse("+447700900001"))
                .withIdempotencyKey(KEY));
        StartResult otherWorkflow = service.start(keyed().withWorkflow(Workflow.of(Channel.VOICE)));

        assertConflict(otherNumber, Refusal.KeyConflict.REUSED);
        assertConflict(otherWorkflow, Refusal.KeyConflict.REUSED);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void startsWithoutAKeyAreNotDeduplicated() {
        Verifications service = service();
        FlowId first = started(service.start(StartCommand.to(NUMBER)));
        clock.advance(Duration.ofMinutes(2));

        FlowId second = started(service.start(StartCommand.to(PhoneNumber.parse("+447700900001"))));

        assertThat(second).isNotEqualTo(first);
        assertThat(provider.startCalls()).isEqualTo(2);
    }

    @Test
    void aStartTheProviderRefusedGivesTheKeyUpSoTheRetryRunsAgain() {
        provider.onStart(new StartOutcome.Rejected(StartOutcome.RejectionReason.BARRED));
        Verifications service = service();
        assertThat(service.start(keyed())).isInstanceOf(StartResult.Refused.class);

        started(service.start(keyed()));

        assertThat(provider.startCalls()).isEqualTo(2);
    }

    @Test
    void aStartThatFailedGivesTheKeyUpSoTheRetryRunsAgain() {
        provider.onStartThrow(new GatewayException(GatewayException.Reason.UNAVAILABLE, "down"));
        Verifications service = service();
        assertThatThrownBy(() -> service.start(keyed())).isInstanceOf(GatewayException.class);

        started(service.start(keyed()));

        assertThat(provider.startCalls()).isEqualTo(2);
    }

    @Test
    void aKeyWithoutAStoreForKeysIsAnError() {
        Verifications service = Verifications.builder().gateway(provider).flows(flows)
                .abuseControls(InMemoryStores.defaultAbuseControls()).brand(new Brand("Acme")).clock(clock).build();

        assertThatThrownBy(() -> service.start(keyed())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("idempotencyKeys");
        assertThat(provider.startCalls()).isZero();
    }

    @Test
    void aRetryWhileTheFirstStartRunsIsRefusedAsInProgressWhenItMayNotWait() throws Exception {
        HeldGateway held = new HeldGateway(provider);
        Verifications service = service(held, new InMemoryIdempotencyStore(clock), Duration.ZERO);
        Future<StartResult> first = pool.submit(() -> service.start(keyed()));
        held.awaitEntered();

        StartResult retry = service.start(keyed());
        StartResult otherRequest = service.start(keyed().withWorkflow(Workflow.of(Channel.VOICE)));
        held.release();

        assertConflict(retry, Refusal.KeyConflict.IN_PROGRESS);
        assertConflict(otherRequest, Refusal.KeyConflict.REUSED);
        FlowId flow = started(first.get(10, TimeUnit.SECONDS));
        assertThat(started(service.start(keyed()))).isEqualTo(flow);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstStartRunsWaitsForItAndAnswersItsVerification() throws Exception {
        HeldGateway held = new HeldGateway(provider);
        WatchedKeys keys = new WatchedKeys(new InMemoryIdempotencyStore(clock));
        Verifications service = service(held, keys, Duration.ofSeconds(20));
        Future<StartResult> first = pool.submit(() -> service.start(keyed()));
        held.awaitEntered();
        Future<StartResult> retry = pool.submit(() -> service.start(keyed()));

        keys.awaitRunningSeen();
        held.release();

        FlowId flow = started(first.get(10, TimeUnit.SECONDS));
        assertThat(started(retry.get(10, TimeUnit.SECONDS))).isEqualTo(flow);
        assertThat(provider.startCalls()).isEqualTo(1);
    }

    @Test
    void ofManyRacingDuplicatesExactlyOneSendsAndAllAnswerItsVerification() throws Exception {
        Verifications service = service();
        CyclicBarrier together = new CyclicBarrier(RACERS);
        List<Future<StartResult>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Callable<StartResult> racer = () -> {
                together.await(5, TimeUnit.SECONDS);
                return service.start(keyed());
            };
            answers.add(pool.submit(racer));
        }

        List<FlowId> flowsAnswered = new ArrayList<>();
        for (Future<StartResult> answer : answers) {
            flowsAnswered.add(started(answer.get(20, TimeUnit.SECONDS)));
        }

        assertThat(provider.startCalls()).isEqualTo(1);
        assertThat(flowsAnswered).hasSize(RACERS).containsOnly(flowsAnswered.get(0));
    }

    /** The provider, but each start waits at the door until the test lets it through. */
    private static final class HeldGateway implements VerificationGateway {
        private final VerificationGateway provider;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldGateway(VerificationGateway provider) {
            this.provider = provider;
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.await(10, TimeUnit.SECONDS)).as("a start reached the provider").isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public GatewayCapabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public StartOutcome start(StartRequest request) {
            entered.countDown();
            try {
                if (!released.await(20, TimeUnit.SECONDS)) {
                    throw new GatewayException(GatewayException.Reason.TIMEOUT, "never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(GatewayException.Reason.TIMEOUT, "interrupted");
            }
            return provider.start(request);
        }

        @Override
        public CheckOutcome check(RequestId requestId, VerificationCode code) {
            return provider.check(requestId, code);
        }

        @Override
        public CancelOutcome cancel(RequestId requestId) {
            return provider.cancel(requestId);
        }

        @Override
        public AdvanceOutcome advance(RequestId requestId) {
            return provider.advance(requestId);
        }

        @Override
        public RequestStatus status(RequestId requestId) {
            return provider.status(requestId);
        }
    }

    /** The key store, telling the test when a claim found the key held by a running start. */
    private static final class WatchedKeys implements IdempotencyStore {
        private final IdempotencyStore keys;
        private final CountDownLatch runningSeen = new CountDownLatch(1);

        WatchedKeys(IdempotencyStore keys) {
            this.keys = keys;
        }

        void awaitRunningSeen() throws InterruptedException {
            assertThat(runningSeen.await(10, TimeUnit.SECONDS)).as("a retry found the start running").isTrue();
        }

        @Override
        public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore) {
            Claim claim = keys.claim(key, fingerprint, now, staleBefore);
            if (claim instanceof Claim.Running) {
                runningSeen.countDown();
            }
            return claim;
        }

        @Override
        public void complete(IdempotencyKey key, FlowId flow) {
            keys.complete(key, flow);
        }

        @Override
        public void release(IdempotencyKey key) {
            keys.release(key);
        }
    }
}
