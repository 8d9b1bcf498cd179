package dev.phoneverify.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scripted faults on the v2 profile, as on v1: outages, timeouts, lost answers, barred numbers, throttling. */
@ExtendWith(FakeVerificationExtension.class)
@FakeGatewayProfile(FakeProfile.V2)
class FakeV2FaultsTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900321");
    private static final StartRequest REQUEST =
            StartRequest.of(NUMBER, new Brand("FaultCo"), 4, Workflow.of(Channel.SMS, Channel.VOICE));

    private static GatewayException.Reason reasonOf(Throwable thrown) {
        return ((GatewayException) thrown).reason();
    }

    @Test
    void theExtensionHandsOutAV2Fake(FakeVerificationGateway fake) {
        assertThat(fake.profile()).isEqualTo(FakeProfile.V2);
    }

    @Test
    @FakeGatewayProfile(FakeProfile.V1)
    void aTestMethodsProfileWinsOverItsClasss(FakeVerificationGateway fake) {
        assertThat(fake.profile()).isEqualTo(FakeProfile.V1);
    }

    @Test
    void failNextThrowsUnavailableOnceAndChangesNothing(FakeVerificationGateway fake) {
        fake.failNext(Operation.START);

        assertThatThrownBy(() -> fake.start(REQUEST)).satisfies(
                e -> assertThat(reasonOf(e)).isEqualTo(GatewayException.Reason.UNAVAILABLE));
        assertThat(fake.outboxFor(NUMBER)).isEmpty();
        assertThat(fake.statusUpdates()).isEmpty();
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void timeOutNextThrowsTimeoutAndTheStepStaysWhereItWas(FakeVerificationGateway fake) {
        StartOutcome.Started started = (StartOutcome.Started) fake.start(REQUEST);
        fake.timeOutNext(Operation.ADVANCE);

        assertThatThrownBy(() -> fake.advance(started.requestId())).satisfies(
                e -> assertThat(reasonOf(e)).isEqualTo(GatewayException.Reason.TIMEOUT));
        assertThat(fake.outboxFor(NUMBER)).hasSize(1);
        assertThat(fake.advance(started.requestId())).isInstanceOf(AdvanceOutcome.Advanced.class);
    }

    @Test
    void aStartWhoseAnswerWasLostIsInFlightAndNamedByTheRetry(FakeVerificationGateway fake) {
        fake.loseNextAnswer(Operation.START);

        assertThatThrownBy(() -> fake.start(REQUEST)).isInstanceOf(GatewayException.class);
        StartOutcome retry = fake.start(REQUEST);

        assertThat(retry).isEqualTo(new StartOutcome.ConcurrentVerification(fake.outboxFor(NUMBER).get(0).requestId()));
    }

    @Test
    void aCheckWhoseAnswerWasLostHasVerified(FakeVerificationGateway fake) {
        StartOutcome.Started started = (StartOutcome.Started) fake.start(REQUEST);
        VerificationCode code = VerificationCode.parse(fake.lastCodeFor(NUMBER).orElseThrow());
        fake.loseNextAnswer(Operation.CHECK);

        assertThatThrownBy(() -> fake.check(started.requestId(), code)).isInstanceOf(GatewayException.class);

        assertThat(fake.snapshot(started.requestId()).orElseThrow().status()).isEqualTo(RequestStatus.VERIFIED);
        assertThat(fake.check(started.requestId(), code)).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void aBarredNumberIsRejected(FakeVerificationGateway fake) {
        fake.barNumber(NUMBER);

        assertThat(fake.start(REQUEST)).isEqualTo(new StartOutcome.Rejected(StartOutcome.RejectionReason.BARRED));
        fake.allowNumber(NUMBER);
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void throttlingIsA429WithRetryAfter(FakeVerificationGateway fake) {
        PhoneNumber throttled = PhoneNumber.parse("+447700900322");
        fake.throttleNumber(throttled);
        fake.throttleNext();

        assertThatThrownBy(() -> fake.start(REQUEST)).isInstanceOfSatisfying(GatewayException.class, e -> {
            assertThat(e.reason()).isEqualTo(GatewayException.Reason.THROTTLED);
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        });
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
        assertThatThrownBy(() -> fake.start(StartRequest.of(throttled, new Brand("FaultCo"), 4,
                Workflow.of(Channel.SMS)))).isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
    }
}
