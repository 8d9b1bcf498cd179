package dev.phoneverify.adapter.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test per Vonage rule the fake follows; each names the section of vonage-verify-facts.md it covers. */
class FakeVerificationGatewayRulesTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final Brand BRAND = new Brand("ContractCo");
    private static final Instant T0 = FakeClock.DEFAULT_START;

    private final FakeClock clock = new FakeClock();

    private FakeVerificationGateway fakeWith(FakeGatewayBuilder builder) {
        return builder.clock(clock).build();
    }

    private FakeVerificationGateway defaultFake() {
        return fakeWith(FakeVerificationGateway.builder());
    }

    private static StartOutcome.Started start(FakeVerificationGateway fake) {
        return (StartOutcome.Started) fake.start(requestFor(fake, 4));
    }

    /** A start of the fake's own workflow: v1 runs the workflow its builder chose. */
    private static StartRequest requestFor(FakeVerificationGateway fake, int codeLength) {
        return StartRequest.of(NUMBER, BRAND, codeLength, fake.capabilities().defaultWorkflow());
    }

    private static VerificationCode lastCode(FakeVerificationGateway fake) {
        return VerificationCode.parse(fake.lastCodeFor(NUMBER).orElseThrow());
    }

    private static VerificationCode wrongFor(VerificationCode right) {
        return VerificationCode.parse(right.value().equals("0000") ? "1111" : "0000");
    }

    private static List<Channel> channelsSent(FakeVerificationGateway fake) {
        return fake.outboxFor(NUMBER).stream().map(DeliveredMessage::channel).toList();
    }

    @Test
    @DisplayName("facts §1.4: workflow 1 sends SMS at 0 s, a call at 125 s, a call at 305 s, and ends at 605 s")
    void workflowOneFollowsItsDefaultTimings() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(124));
        List<Channel> before = channelsSent(fake);
        clock.advance(Duration.ofSeconds(1));
        List<Channel> atSecondEvent = channelsSent(fake);
        clock.advance(Duration.ofSeconds(180));
        List<Channel> atThirdEvent = channelsSent(fake);

        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(605));
        assertThat(before).containsExactly(Channel.SMS);
        assertThat(atSecondEvent).containsExactly(Channel.SMS, Channel.VOICE);
        assertThat(atThirdEvent).containsExactly(Channel.SMS, Channel.VOICE, Channel.VOICE);
        assertThat(fake.outboxFor(NUMBER)).extracting(DeliveredMessage::sentAt)
                .containsExactly(T0, T0.plusSeconds(125), T0.plusSeconds(305));
    }

    @Test
    @DisplayName("facts §1.4: every workflow 1-7 sends its own sequence of channels")
    void eachWorkflowSendsItsSequence() {
        for (V1Workflow workflow : V1Workflow.values()) {
            FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().workflow(workflow.id()));
            StartOutcome.Started started = start(fake);
            while (fake.advance(started.requestId()) instanceof AdvanceOutcome.Advanced) {
                // advance until the last event
            }
            assertThat(channelsSent(fake)).as("workflow %d", workflow.id())
                    .isEqualTo(FakeVerificationGateway.workflowOf(V1Timings.of(workflow)).channels());
        }
    }

    @Test
    @DisplayName("facts §1.4: workflows 6 and 7 end when their PIN expires (default 300 s)")
    void singleEventWorkflowsEndWithTheirPin() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().workflow(7));
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(299));
        RequestStatus before = fake.status(started.requestId());
        clock.advance(Duration.ofSeconds(1));

        assertThat(started.channel()).isEqualTo(Channel.VOICE);
        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(before).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.EXPIRED);
    }

    @Test
    @DisplayName("facts §1.6 trigger_next_event: advance moves at once, reports the new end, is refused at the last event")
    void advanceMovesAtOnceAndIsRefusedAtTheLastEvent() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);
        clock.advance(Duration.ofSeconds(10));

        AdvanceOutcome second = fake.advance(started.requestId());
        AdvanceOutcome third = fake.advance(started.requestId());
        AdvanceOutcome fourth = fake.advance(started.requestId());

        // From an event at 10 s: 180 s to the third event, 300 s to the end.
        assertThat(second).isEqualTo(new AdvanceOutcome.Advanced(Channel.VOICE, T0.plusSeconds(10 + 180 + 300)));
        assertThat(third).isEqualTo(new AdvanceOutcome.Advanced(Channel.VOICE, T0.plusSeconds(10 + 300)));
        assertThat(fourth).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        assertThat(fake.outboxFor(NUMBER)).hasSize(3);
    }

    @Test
    @DisplayName("facts §1.4 PIN lifetime: before pin_expiry the same code is re-sent on the new channel")
    void sameCodeIsResentWhileThePinLives() {
        FakeVerificationGateway fake = defaultFake();
        start(fake);

        clock.advance(Duration.ofSeconds(125));
        List<DeliveredMessage> sent = fake.outboxFor(NUMBER);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).code()).isEqualTo(sent.get(0).code());
        assertThat(sent.get(1).text()).contains("ContractCo");
    }

    @Test
    @DisplayName("facts §1.4 PIN lifetime: once pin_expiry has passed, the next event brings a new code")
    void newCodeOnceThePinHasExpired() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().codeSeed(7));
        StartOutcome.Started started = start(fake);
        VerificationCode first = lastCode(fake);

        clock.advance(Duration.ofSeconds(305));
        VerificationCode third = lastCode(fake);

        assertThat(fake.outboxFor(NUMBER)).hasSize(3);
        assertThat(third).isNotEqualTo(first);
        assertThat(fake.check(started.requestId(), first)).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(fake.check(started.requestId(), third)).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §1.2 and §1.4: pin_expiry 240 with next_event_wait 120 shares one code for two attempts; "
            + "§1.6 Expiry: the request still ends after the last event's wait of the table (300 s)")
    void explicitTimingsDecideWhenTheCodeChanges() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().codeSeed(3)
                .pinExpiry(Duration.ofSeconds(240)).nextEventWait(Duration.ofSeconds(120)));
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(240));
        List<String> codes = fake.outboxFor(NUMBER).stream().map(DeliveredMessage::code).toList();

        // next_event_wait replaces the waits between events, not the last one (V1Timings; facts §1.2 "the wait
        // between delivery attempts", §1.6 Expiry): events at 0, 120 and 240 s, the end at 240 + 300 s. The fake
        // used to end this request at 360 s.
        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(540));
        assertThat(codes).hasSize(3);
        assertThat(codes.get(1)).isEqualTo(codes.get(0));
        assertThat(codes.get(2)).isNotEqualTo(codes.get(0));
    }

    @Test
    @DisplayName("facts §1.2: pin_expiry not a multiple of next_event_wait is set equal to next_event_wait")
    void pinExpiryNotAMultipleFallsBackToTheWait() {
        V1Timings options = fakeWith(FakeVerificationGateway.builder()
                .pinExpiry(Duration.ofSeconds(250)).nextEventWait(Duration.ofSeconds(120))).defaultTimings();

        assertThat(options.effectivePinExpiry()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    @DisplayName("facts §1.2: pin_expiry 60-3600 s, next_event_wait 60-900 s, workflow 1-7 are checked by the builder")
    void builderRefusesOutOfRangeSettings() {
        FakeGatewayBuilder builder = FakeVerificationGateway.builder();

        assertThatThrownBy(() -> builder.pinExpiry(Duration.ofSeconds(59))).hasMessageContaining("pin_expiry");
        assertThatThrownBy(() -> builder.pinExpiry(Duration.ofSeconds(3601))).hasMessageContaining("pin_expiry");
        assertThatThrownBy(() -> builder.nextEventWait(Duration.ofSeconds(901)))
                .hasMessageContaining("next_event_wait");
        assertThatThrownBy(() -> builder.workflow(8)).hasMessageContaining("workflow_id");
        assertThatThrownBy(() -> builder.maxWrongCodes(0)).hasMessageContaining("maxWrongCodes");
    }

    @Test
    @DisplayName("facts §1.2 code_length: 4 or 6 digits")
    void codeLengthIsFourOrSix() {
        FakeVerificationGateway fake = defaultFake();

        fake.start(requestFor(fake, 6));

        assertThat(fake.lastCodeFor(NUMBER).orElseThrow()).matches("[0-9]{6}");
    }

    @Test
    @DisplayName("facts §1.6 Wrong codes: 16, 16, then 17 and the request is FAILED")
    void thirdWrongCodeFailsTheRequest() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);
        VerificationCode wrong = wrongFor(lastCode(fake));

        CheckOutcome first = fake.check(started.requestId(), wrong);
        CheckOutcome second = fake.check(started.requestId(), wrong);
        CheckOutcome third = fake.check(started.requestId(), wrong);

        assertThat(first).isEqualTo(new CheckOutcome.WrongCode(OptionalInt.of(2)));
        assertThat(second).isEqualTo(new CheckOutcome.WrongCode(OptionalInt.of(1)));
        assertThat(third).isInstanceOf(CheckOutcome.TooManyAttempts.class);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.FAILED);
        assertThat(fake.check(started.requestId(), lastCode(fake))).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    @DisplayName("facts §1.6 Wrong codes: the limit is configurable")
    void wrongCodeLimitIsConfigurable() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().maxWrongCodes(1));
        StartOutcome.Started started = start(fake);

        assertThat(fake.check(started.requestId(), wrongFor(lastCode(fake))))
                .isInstanceOf(CheckOutcome.TooManyAttempts.class);
    }

    @Test
    @DisplayName("facts §1.6 Wrong codes (KB17): a new PIN brings three fresh attempts")
    void newPinResetsTheWrongCodeCount() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().codeSeed(11));
        StartOutcome.Started started = start(fake);
        VerificationCode wrong = wrongFor(lastCode(fake));
        fake.check(started.requestId(), wrong);
        fake.check(started.requestId(), wrong);

        clock.advance(Duration.ofSeconds(305));
        VerificationCode newPin = lastCode(fake);
        CheckOutcome afterNewPin = fake.check(started.requestId(), wrongFor(newPin));

        assertThat(afterNewPin).isEqualTo(new CheckOutcome.WrongCode(OptionalInt.of(2)));
    }

    @Test
    @DisplayName("facts §1.6 Success: the right code verifies; a second check is not found (Vonage 6)")
    void rightCodeVerifiesOnce() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);
        VerificationCode right = lastCode(fake);

        assertThat(fake.check(started.requestId(), right)).isInstanceOf(CheckOutcome.Correct.class);
        assertThat(fake.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.VERIFIED);
        clock.advance(Duration.ofSeconds(125));
        assertThat(fake.outboxFor(NUMBER)).as("no message after success").hasSize(1);
    }

    @Test
    @DisplayName("facts §1.6 Cancel: refused before 30 s (TOO_EARLY), allowed from 30 s, CANCELLED afterwards")
    void cancelFromThirtySeconds() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(29));
        CancelOutcome early = fake.cancel(started.requestId());
        clock.advance(Duration.ofSeconds(1));
        CancelOutcome onTime = fake.cancel(started.requestId());

        assertThat(early).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY));
        assertThat(onTime).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.CANCELLED);
        assertThat(fake.cancel(started.requestId())).isInstanceOf(CancelOutcome.NotFound.class);
    }

    @Test
    @DisplayName("facts §1.6 Cancel: refused once the second event happened (TOO_LATE)")
    void cancelRefusedAfterTheSecondEvent() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(125));

        assertThat(fake.cancel(started.requestId()))
                .isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_LATE));
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("facts §1.6 Cancel [inference]: workflows 6 and 7 allow cancel from 30 s until expiry")
    void singleEventWorkflowsCancelUntilExpiry() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().workflow(6));
        StartOutcome.Started started = start(fake);

        clock.advance(Duration.ofSeconds(290));

        assertThat(fake.cancel(started.requestId())).isInstanceOf(CancelOutcome.Cancelled.class);
    }

    @Test
    @DisplayName("facts §1.6 Expiry: after the last event's wait the request is EXPIRED and every operation finds nothing")
    void expiredRequestIsNotFound() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake);
        VerificationCode code = lastCode(fake);

        clock.advance(Duration.ofSeconds(604));
        RequestStatus justBefore = fake.status(started.requestId());
        clock.advance(Duration.ofSeconds(1));

        assertThat(justBefore).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.EXPIRED);
        assertThat(fake.check(started.requestId(), code)).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(fake.cancel(started.requestId())).isInstanceOf(CancelOutcome.NotFound.class);
        assertThat(fake.advance(started.requestId())).isInstanceOf(AdvanceOutcome.NotFound.class);
    }

    @Test
    @DisplayName("facts §1.6 Concurrency: one request in flight per number; the refusal names it (Vonage 10)")
    void secondStartNamesTheRequestInFlight() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started first = start(fake);

        StartOutcome second = fake.start(requestFor(fake, 4));

        assertThat(second).isEqualTo(new StartOutcome.ConcurrentVerification(first.requestId()));
        assertThat(fake.outboxFor(NUMBER)).hasSize(1);
    }

    @Test
    @DisplayName("facts §1.6 Concurrency: VERIFIED, FAILED, EXPIRED and CANCELLED all free the number")
    void everyEndFreesTheNumber() {
        // Retention longer than the test's 635 s, so the first two requests are still there to ask about.
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().retention(Duration.ofHours(1)));
        StartOutcome.Started verified = start(fake);
        fake.check(verified.requestId(), lastCode(fake));
        StartOutcome.Started failed = start(fake);
        VerificationCode wrong = wrongFor(lastCode(fake));
        for (int i = 0; i < 3; i++) {
            fake.check(failed.requestId(), wrong);
        }
        StartOutcome.Started expired = start(fake);
        clock.advance(Duration.ofSeconds(605));
        StartOutcome.Started cancelled = start(fake);
        clock.advance(Duration.ofSeconds(30));
        fake.cancel(cancelled.requestId());

        assertThat(fake.start(requestFor(fake, 4))).isInstanceOf(StartOutcome.Started.class);
        assertThat(List.of(fake.status(verified.requestId()), fake.status(failed.requestId()),
                fake.status(expired.requestId()), fake.status(cancelled.requestId())))
                .containsExactly(RequestStatus.VERIFIED, RequestStatus.FAILED, RequestStatus.EXPIRED,
                        RequestStatus.CANCELLED);
    }

    @Test
    @DisplayName("facts §1.5 (6, 101): unknown request ids are not found; status says UNKNOWN")
    void unknownRequestIsNotFound() {
        FakeVerificationGateway fake = defaultFake();
        RequestId unknown = new RequestId("0123456789abcdef0123456789abcdef");

        assertThat(fake.check(unknown, VerificationCode.parse("1234"))).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(fake.status(unknown)).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    @DisplayName("facts §1.2: request ids are 32 lowercase hex characters")
    void requestIdsAreThirtyTwoHexCharacters() {
        assertThat(start(defaultFake()).requestId().value()).matches("[0-9a-f]{32}");
    }

    @Test
    @DisplayName("finished requests are kept for the retention window, then forgotten (status UNKNOWN)")
    void finishedRequestsArePurgedAfterRetention() {
        FakeVerificationGateway fake = fakeWith(FakeVerificationGateway.builder().retention(Duration.ofMinutes(10)));
        StartOutcome.Started started = start(fake);
        fake.check(started.requestId(), lastCode(fake));

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        RequestStatus retained = fake.status(started.requestId());
        clock.advance(Duration.ofSeconds(1));

        assertThat(retained).isEqualTo(RequestStatus.VERIFIED);
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.UNKNOWN);
        assertThat(fake.retainedRequestCount()).isZero();
        assertThat(fake.outboxFor(NUMBER)).isEmpty();
    }
}
