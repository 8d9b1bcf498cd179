package dev.phoneverify.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tester's API: outbox, deterministic codes, scripted faults, reset; and the JUnit extension. */
@ExtendWith(FakeVerificationExtension.class)
class FakeTesterApiTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900123");
    private static final Workflow WORKFLOW_1 = Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE);
    private static final StartRequest REQUEST = StartRequest.of(NUMBER, new Brand("ContractCo"), 4, WORKFLOW_1);

    @Test
    void extensionHandsOutAFakeAndTheClockItReads(FakeVerificationGateway fake, FakeClock clock) {
        assertThat(fake.clock()).isSameAs(clock);
        assertThat(fake.retainedRequestCount()).isZero();
    }

    @Test
    @FakeGatewayProfile(FakeProfile.V2)
    void extensionBuildsTheProfileATestAsksFor(FakeVerificationGateway fake, FakeClock clock) {
        assertThat(fake.profile()).isEqualTo(FakeProfile.V2);
        assertThat(fake.clock()).isSameAs(clock);
        assertThat(FakeVerificationGateway.create().profile()).isEqualTo(FakeProfile.V1);
    }

    @Test
    void outboxHoldsTheRenderedMessageWithTheBrand(FakeVerificationGateway fake, FakeClock clock) {
        StartOutcome.Started started = (StartOutcome.Started) fake.start(REQUEST);
        clock.advance(Duration.ofSeconds(125));

        DeliveredMessage sms = fake.outboxFor(NUMBER).get(0);
        DeliveredMessage call = fake.outboxFor(NUMBER).get(1);

        assertThat(sms.text()).isEqualTo("Your ContractCo PIN is " + sms.code());
        assertThat(sms.channel()).isEqualTo(Channel.SMS);
        assertThat(sms.requestId()).isEqualTo(started.requestId());
        assertThat(call.channel()).isEqualTo(Channel.VOICE);
        assertThat(call.text()).contains("ContractCo").contains(String.join(", ", call.code().split("")));
        assertThat(sms.toString()).doesNotContain(sms.code());
        assertThat(fake.outbox()).containsExactly(sms, call);
    }

    @Test
    void seededFakesSendTheSameCodes() {
        FakeVerificationGateway first = FakeVerificationGateway.builder().codeSeed(99).build();
        FakeVerificationGateway second = FakeVerificationGateway.builder().codeSeed(99).build();

        first.start(REQUEST);
        second.start(REQUEST);

        assertThat(first.lastCodeFor(NUMBER)).isEqualTo(second.lastCodeFor(NUMBER));
    }

    @Test
    void fixedCodeIsSentToItsNumber(FakeVerificationGateway fake) {
        fake.fixCode(NUMBER, "1234");
        StartOutcome.Started started = (StartOutcome.Started) fake.start(REQUEST);

        assertThat(fake.lastCodeFor(NUMBER)).contains("1234");
        assertThat(fake.check(started.requestId(), VerificationCode.parse("1234")))
                .isInstanceOf(CheckOutcome.Correct.class);
        assertThatThrownBy(() -> fake.fixCode(NUMBER, "12a4")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failNextThrowsUnavailableOnceAndChangesNothing(FakeVerificationGateway fake) {
        fake.failNext(Operation.START);

        assertThatThrownBy(() -> fake.start(REQUEST)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE));
        assertThat(fake.outboxFor(NUMBER)).isEmpty();
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void timeOutNextThrowsTimeoutWithoutWaiting(FakeVerificationGateway fake) {
        StartOutcome.Started started = (StartOutcome.Started) fake.start(REQUEST);
        VerificationCode code = VerificationCode.parse(fake.lastCodeFor(NUMBER).orElseThrow());
        fake.timeOutNext(Operation.CHECK);

        assertThatThrownBy(() -> fake.check(started.requestId(), code)).isInstanceOfSatisfying(
                GatewayException.class, e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.TIMEOUT));
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    void lostAnswerTakesEffectThenThrows(FakeVerificationGateway fake) {
        fake.loseNextAnswer(Operation.START);

        assertThatThrownBy(() -> fake.start(REQUEST)).isInstanceOf(GatewayException.class);
        StartOutcome retry = fake.start(REQUEST);

        assertThat(retry).isInstanceOf(StartOutcome.ConcurrentVerification.class);
        assertThat(((StartOutcome.ConcurrentVerification) retry).inFlight())
                .isEqualTo(fake.outboxFor(NUMBER).get(0).requestId());
    }

    @Test
    void numberRulesRejectStarts(FakeVerificationGateway fake) {
        PhoneNumber barred = PhoneNumber.parse("+447700900201");
        PhoneNumber unsupported = PhoneNumber.parse("+447700900202");
        PhoneNumber invalid = PhoneNumber.parse("+447700900203");
        PhoneNumber throttled = PhoneNumber.parse("+447700900204");
        fake.barNumber(barred);
        fake.unsupportedNetwork(unsupported);
        fake.invalidNumber(invalid);
        fake.throttleNumber(throttled);

        assertThat(reasonFor(fake, barred)).isEqualTo(StartOutcome.RejectionReason.BARRED);
        assertThat(reasonFor(fake, unsupported)).isEqualTo(StartOutcome.RejectionReason.UNSUPPORTED_NETWORK);
        assertThat(reasonFor(fake, invalid)).isEqualTo(StartOutcome.RejectionReason.INVALID_NUMBER);
        assertThatThrownBy(() -> fake.start(StartRequest.of(throttled, new Brand("X"), 4, WORKFLOW_1)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.THROTTLED));
        fake.allowNumber(barred);
        assertThat(fake.start(StartRequest.of(barred, new Brand("X"), 4, WORKFLOW_1)))
                .isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void throttleNextThrowsThrottledOnce(FakeVerificationGateway fake) {
        fake.throttleNext();

        assertThatThrownBy(() -> fake.start(REQUEST)).isInstanceOf(GatewayException.class);
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    void resetForgetsEverything(FakeVerificationGateway fake) {
        fake.start(REQUEST);
        fake.failNext(Operation.START);
        fake.barNumber(NUMBER);

        fake.reset();

        assertThat(fake.outbox()).isEmpty();
        assertThat(fake.retainedRequestCount()).isZero();
        assertThat(fake.start(REQUEST)).isInstanceOf(StartOutcome.Started.class);
    }

    private static StartOutcome.RejectionReason reasonFor(FakeVerificationGateway fake, PhoneNumber number) {
        StartOutcome outcome = fake.start(StartRequest.of(number, new Brand("X"), 4, WORKFLOW_1));
        return ((StartOutcome.Rejected) outcome).reason();
    }
}
