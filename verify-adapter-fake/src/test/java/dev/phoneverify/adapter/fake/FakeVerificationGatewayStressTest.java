package dev.phoneverify.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many threads, one fake: every verification completes, and memory for finished requests is released. */
class FakeVerificationGatewayStressTest {
    private static final int THREADS = 16;
    private static final int VERIFICATIONS = 10_000;
    private static final Workflow WORKFLOW_1 = Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE);

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void tenThousandVerificationsOnSixteenThreadsAllVerifyAndAreReleasedAfterRetention() throws Exception {
        FakeVerificationGateway fake = FakeVerificationGateway.create();
        Brand brand = new Brand("StressCo");
        ConcurrentLinkedQueue<StartOutcome.Started> started = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<CheckOutcome>> outcomes = new ArrayList<>(VERIFICATIONS);

        for (int i = 0; i < VERIFICATIONS; i++) {
            PhoneNumber number = PhoneNumber.parse("+4477009" + String.format("%05d", i));
            outcomes.add(pool.submit(() -> {
                StartOutcome.Started start =
                        (StartOutcome.Started) fake.start(StartRequest.of(number, brand, 4, WORKFLOW_1));
                started.add(start);
                VerificationCode code = VerificationCode.parse(fake.lastCodeFor(number).orElseThrow());
                return fake.check(start.requestId(), code);
            }));
        }
        for (Future<CheckOutcome> outcome : outcomes) {
            assertThat(outcome.get()).isInstanceOf(CheckOutcome.Correct.class);
        }
        pool.shutdown();

        assertThat(started).hasSize(VERIFICATIONS)
                .allSatisfy(start -> assertThat(fake.status(start.requestId())).isEqualTo(RequestStatus.VERIFIED));
        assertThat(fake.activeRequestCount()).isZero();
        assertThat(fake.retainedRequestCount()).isEqualTo(VERIFICATIONS);
        assertThat(fake.outbox()).hasSize(VERIFICATIONS);

        fake.clock().advance(FakeVerificationGateway.DEFAULT_RETENTION.plus(Duration.ofSeconds(1)));

        assertThat(fake.retainedRequestCount()).isZero();
        assertThat(fake.outbox()).isEmpty();
        assertThat(fake.status(started.peek().requestId())).isEqualTo(RequestStatus.UNKNOWN);
    }
}
