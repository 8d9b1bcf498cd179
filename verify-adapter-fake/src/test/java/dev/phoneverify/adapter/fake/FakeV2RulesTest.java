package dev.phoneverify.adapter.fake;

import static dev.phoneverify.adapter.fake.WhatTheUserSees.channelsSent;
import static dev.phoneverify.adapter.fake.WhatTheUserSees.lastCode;
import static dev.phoneverify.adapter.fake.WhatTheUserSees.wrongFor;
import static dev.phoneverify.core.domain.Channel.EMAIL;
import static dev.phoneverify.core.domain.Channel.SMS;
import static dev.phoneverify.core.domain.Channel.VOICE;
import static dev.phoneverify.core.domain.Channel.WHATSAPP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One test per Verify v2 rule the fake's v2 profile follows; each names the section of vonage-verify-facts.md. */
class FakeV2RulesTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final Brand BRAND = new Brand("ContractCo");
    private static final Instant T0 = FakeClock.DEFAULT_START;

    private final FakeClock clock = new FakeClock();

    private FakeVerificationGateway fakeWith(FakeGatewayBuilder builder) {
        return builder.clock(clock).build();
    }

    private FakeVerificationGateway defaultFake() {
        return FakeVerificationGateway.v2(clock);
    }

    private static FakeGatewayBuilder v2() {
        return FakeVerificationGateway.builder(FakeProfile.V2);
    }

    private static StartRequest request(Workflow workflow) {
        return StartRequest.of(NUMBER, BRAND, 4, workflow);
    }

    private static StartOutcome.Started start(FakeVerificationGateway fake, Workflow workflow) {
        return (StartOutcome.Started) fake.start(request(workflow));
    }

    private static RequestStatus statusOf(FakeVerificationGateway fake, RequestId id) {
        return fake.snapshot(id).orElseThrow().status();
    }

    @Test
    @DisplayName("facts §2.3-2.4: v2 offers SMS, voice, WhatsApp and email, 4-10 digits, step timeouts 15-900 s, "
            + "custom codes and client references, pushed status, cancel any time, next step")
    void capabilitiesAreThoseOfVerifyV2() {
        GatewayCapabilities capabilities = defaultFake().capabilities();

        assertThat(capabilities.channels()).containsExactlyInAnyOrder(SMS, VOICE, WHATSAPP, EMAIL);
        assertThat(capabilities.codeLengths()).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 10);
        assertThat(capabilities.defaultWorkflow()).isEqualTo(Workflow.of(SMS, VOICE));
        assertThat(capabilities.customWorkflows()).isTrue();
        assertThat(capabilities.stepTimeouts()).hasValueSatisfying(range -> {
            assertThat(range.min()).isEqualTo(Duration.ofSeconds(15));
            assertThat(range.max()).isEqualTo(Duration.ofSeconds(900));
        });
        assertThat(capabilities.customCode()).isTrue();
        assertThat(capabilities.clientReference()).isTrue();
        assertThat(capabilities.statusLookup()).isFalse();
        assertThat(capabilities.pushesStatus()).isTrue();
        assertThat(capabilities.cancel()).isEqualTo(CancelConstraints.anyTime());
        assertThat(capabilities.nextStep()).isTrue();
    }

    @Test
    @DisplayName("facts §2.6 Step timing: each step lasts channel_timeout (180 s), then the next starts on its channel")
    void eachStepLastsTheChannelTimeout() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE, SMS));

        clock.advance(Duration.ofSeconds(179));
        List<Channel> before = channelsSent(fake, NUMBER);
        clock.advance(Duration.ofSeconds(1));
        List<Channel> atSecondStep = channelsSent(fake, NUMBER);
        clock.advance(Duration.ofSeconds(180));

        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(540));
        assertThat(before).containsExactly(SMS);
        assertThat(atSecondStep).containsExactly(SMS, VOICE);
        assertThat(fake.outboxFor(NUMBER)).extracting(DeliveredMessage::sentAt)
                .containsExactly(T0, T0.plusSeconds(180), T0.plusSeconds(360));
    }

    @Test
    @DisplayName("facts §2.3 channel_timeout: a step's own timeout, or the fake's setting, replaces 180 s")
    void stepTimeoutsAreConfigurable() {
        FakeVerificationGateway fake = fakeWith(v2().channelTimeout(Duration.ofSeconds(60)));
        Workflow workflow = new Workflow(List.of(WorkflowStep.on(SMS).lasting(Duration.ofSeconds(30)),
                WorkflowStep.on(VOICE)));

        StartOutcome.Started started = start(fake, workflow);
        clock.advance(Duration.ofSeconds(30));

        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(channelsSent(fake, NUMBER)).containsExactly(SMS, VOICE);
        assertThatThrownBy(() -> v2().channelTimeout(Duration.ofSeconds(14))).hasMessageContaining("channel_timeout");
        assertThatThrownBy(() -> v2().channelTimeout(Duration.ofSeconds(901))).hasMessageContaining("channel_timeout");
    }

    @Test
    @DisplayName("facts §2.6 End of the workflow [inference]: when the last step's timeout passes the request expires")
    void requestExpiresAfterTheLastStep() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        VerificationCode code = lastCode(fake, NUMBER);

        clock.advance(Duration.ofSeconds(359));
        RequestStatus justBefore = statusOf(fake, started.requestId());
        clock.advance(Duration.ofSeconds(1));

        assertThat(started.requestEndsAt()).isEqualTo(T0.plusSeconds(360));
        assertThat(justBefore).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(statusOf(fake, started.requestId())).isEqualTo(RequestStatus.EXPIRED);
        assertThat(fake.check(started.requestId(), code)).isInstanceOf(CheckOutcome.NotFound.class);
        assertThat(channelsSent(fake, NUMBER)).containsExactly(SMS, VOICE);
    }

    @Test
    @DisplayName("facts §2.6 New code per step [inference]: each step sends a new code; only the latest verifies")
    void eachStepSendsANewCodeAndOnlyTheLatestVerifies() {
        FakeVerificationGateway fake = fakeWith(v2().codeSeed(5));
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        VerificationCode first = lastCode(fake, NUMBER);

        clock.advance(Duration.ofSeconds(180));
        VerificationCode second = lastCode(fake, NUMBER);

        assertThat(second).isNotEqualTo(first);
        assertThat(fake.check(started.requestId(), first)).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(fake.check(started.requestId(), second)).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §2.6 New code per step: an earlier step's code verifies when the fake is told to accept it")
    void earlierCodesVerifyWhenConfigured() {
        FakeVerificationGateway fake = fakeWith(v2().codeSeed(5).acceptEarlierCodes());
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        VerificationCode first = lastCode(fake, NUMBER);

        clock.advance(Duration.ofSeconds(180));

        assertThat(lastCode(fake, NUMBER)).isNotEqualTo(first);
        assertThat(fake.check(started.requestId(), first)).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §2.6 Custom code: the caller's code goes out on every step and verifies")
    void customCodeIsSentOnEveryStep() {
        FakeVerificationGateway fake = defaultFake();
        StartRequest request = new StartRequest(NUMBER, BRAND, 4, Workflow.of(SMS, VOICE), Optional.empty(),
                Optional.empty(), Optional.of(VerificationCode.parse("24680")), Optional.empty());
        StartOutcome.Started started = (StartOutcome.Started) fake.start(request);

        fake.advance(started.requestId());

        assertThat(fake.outboxFor(NUMBER)).extracting(DeliveredMessage::code).containsExactly("24680", "24680");
        assertThat(fake.check(started.requestId(), VerificationCode.parse("24680")))
                .isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §2.3 code_length: 4 to 10 digits, for every step")
    void codeLengthIsFourToTen() {
        FakeVerificationGateway fake = defaultFake();

        fake.start(StartRequest.of(NUMBER, BRAND, 10, Workflow.of(SMS)));

        assertThat(fake.lastCodeFor(NUMBER).orElseThrow()).matches("[0-9]{10}");
    }

    @Test
    @DisplayName("facts §2.6 Wrong codes [inference]: wrong codes 1 and 2 are wrong, the 3rd fails the request")
    void thirdWrongCodeFailsTheRequest() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        VerificationCode right = lastCode(fake, NUMBER);
        VerificationCode wrong = wrongFor(right);

        CheckOutcome first = fake.check(started.requestId(), wrong);
        clock.advance(Duration.ofSeconds(180));
        CheckOutcome second = fake.check(started.requestId(), wrongFor(lastCode(fake, NUMBER)));
        CheckOutcome third = fake.check(started.requestId(), wrongFor(lastCode(fake, NUMBER)));

        assertThat(first).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(second).as("a new step's code does not reset the count").isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(third).isInstanceOf(CheckOutcome.TooManyAttempts.class);
        assertThat(statusOf(fake, started.requestId())).isEqualTo(RequestStatus.FAILED);
        assertThat(fake.check(started.requestId(), lastCode(fake, NUMBER))).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    @DisplayName("facts §2.6 After completion / after expiry, failure or cancel: check, cancel and next find nothing")
    void finishedAndUnknownRequestsAreNotFound() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        fake.check(started.requestId(), lastCode(fake, NUMBER));
        RequestId unknown = new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315");

        for (RequestId id : List.of(started.requestId(), unknown)) {
            assertThat(fake.check(id, VerificationCode.parse("1234"))).isInstanceOf(CheckOutcome.NotFound.class);
            assertThat(fake.cancel(id)).isInstanceOf(CancelOutcome.NotFound.class);
            assertThat(fake.advance(id)).isInstanceOf(AdvanceOutcome.NotFound.class);
        }
    }

    @Test
    @DisplayName("facts §2.6 Cancel [inference]: accepted at any time while the request is in progress")
    void cancelIsAcceptedAtAnyTime() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started atOnce = start(fake, Workflow.of(SMS, VOICE));
        CancelOutcome first = fake.cancel(atOnce.requestId());
        StartOutcome.Started later = start(fake, Workflow.of(SMS, VOICE));
        clock.advance(Duration.ofSeconds(200));
        VerificationCode code = lastCode(fake, NUMBER);

        CancelOutcome second = fake.cancel(later.requestId());

        assertThat(first).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(second).as("after the second step started").isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(statusOf(fake, later.requestId())).isEqualTo(RequestStatus.CANCELLED);
        assertThat(fake.check(later.requestId(), code)).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    @DisplayName("facts §2.6 Cancel: the optional rule refuses a cancel before 30 s and after the second step")
    void cancelRuleIsAnOption() {
        FakeVerificationGateway fake = fakeWith(v2().cancelOnlyFromThirtySeconds());
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));

        CancelOutcome early = fake.cancel(started.requestId());
        clock.advance(Duration.ofSeconds(180));
        CancelOutcome late = fake.cancel(started.requestId());

        assertThat(fake.capabilities().cancel()).isEqualTo(new CancelConstraints(true, Duration.ofSeconds(30), true));
        assertThat(early).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY));
        assertThat(late).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_LATE));
        assertThat(statusOf(fake, started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    @Test
    @DisplayName("facts §2.6 next_workflow: the next step starts now, with a new timer and a new code; 409 at the last")
    void nextStepStartsNowWithANewTimerAndCode() {
        FakeVerificationGateway fake = fakeWith(v2().codeSeed(9));
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));
        VerificationCode first = lastCode(fake, NUMBER);
        clock.advance(Duration.ofSeconds(20));

        AdvanceOutcome advanced = fake.advance(started.requestId());
        AdvanceOutcome atLast = fake.advance(started.requestId());

        assertThat(advanced).isEqualTo(new AdvanceOutcome.Advanced(VOICE, T0.plusSeconds(20 + 180)));
        assertThat(atLast).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        assertThat(lastCode(fake, NUMBER)).isNotEqualTo(first);
        assertThat(fake.outboxFor(NUMBER).get(1).sentAt()).isEqualTo(T0.plusSeconds(20));
    }

    @Test
    @DisplayName("facts §2.6 Concurrency: one request in flight per to, the refusal names it; its end frees the number")
    void oneRequestInFlightPerNumber() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started first = start(fake, Workflow.of(SMS, VOICE));

        StartOutcome second = fake.start(request(Workflow.of(VOICE)));
        fake.cancel(first.requestId());
        StartOutcome third = fake.start(request(Workflow.of(VOICE)));

        assertThat(second).isEqualTo(new StartOutcome.ConcurrentVerification(first.requestId()));
        assertThat(third).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    @DisplayName("facts §2.6: time moves only through the test clock; nothing happens between advances")
    void timeMovesOnlyThroughTheTestClock() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS, VOICE));

        fake.deliverStatusUpdates();
        List<DeliveredMessage> untouched = fake.outboxFor(NUMBER);

        assertThat(untouched).hasSize(1);
        assertThat(statusOf(fake, started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(fake.check(started.requestId(), lastCode(fake, NUMBER))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @DisplayName("facts §2.1: request ids are UUIDs; v2 has no status lookup, so status() says UNKNOWN")
    void requestIdsAreUuidsAndThereIsNoLookup() {
        FakeVerificationGateway fake = defaultFake();
        StartOutcome.Started started = start(fake, Workflow.of(SMS));

        assertThat(started.requestId().value())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(fake.status(started.requestId())).isEqualTo(RequestStatus.UNKNOWN);
    }

    @Test
    @DisplayName("facts §2.4: a WhatsApp step needs a sender (from); with one it goes out on WhatsApp")
    void whatsAppStepsNeedASender() {
        FakeVerificationGateway withoutSender = defaultFake();
        FakeVerificationGateway withSender = fakeWith(v2().whatsAppSender("447700900999"));

        assertThatThrownBy(() -> withoutSender.start(request(Workflow.of(WHATSAPP, SMS))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(GatewayException.Reason.MISCONFIGURED);
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThat(withoutSender.outboxFor(NUMBER)).isEmpty();
        assertThat(withSender.start(request(Workflow.of(WHATSAPP, SMS)))).isInstanceOf(StartOutcome.Started.class);
        assertThat(channelsSent(withSender, NUMBER)).containsExactly(WHATSAPP);
        assertThatThrownBy(() -> fakeWith(v2().defaultWorkflow(Workflow.of(WHATSAPP))))
                .hasMessageContaining("whatsAppSender");
    }

    @Test
    @DisplayName("facts §2.4: an email step goes to the start's address, filed under the request's number")
    void emailStepsGoToTheAddress() {
        FakeVerificationGateway fake = defaultFake();
        StartRequest request = new StartRequest(NUMBER, BRAND, 6, Workflow.of(EMAIL), Optional.of(EmailAddress.parse(
                "user@example.com")), Optional.empty(), Optional.empty(), Optional.empty());

        fake.start(request);

        DeliveredMessage email = fake.outboxFor(NUMBER).get(0);
        assertThat(email.channel()).isEqualTo(EMAIL);
        assertThat(email.to()).isEqualTo("user@example.com");
        assertThat(email.text()).contains("ContractCo").contains(email.code());
    }

    @Test
    @DisplayName("facts §2.3: what v2 answers with 422 (brand characters, client_ref) is a non-retryable failure")
    void fieldsV2RefusesAreMisconfiguration() {
        FakeVerificationGateway fake = defaultFake();
        StartRequest badBrand = StartRequest.of(NUMBER, new Brand("Acme/Shop"), 4, Workflow.of(SMS));
        StartRequest badReference = new StartRequest(NUMBER, BRAND, 4, Workflow.of(SMS), Optional.empty(),
                Optional.of(new ClientReference("my-personal-ref")), Optional.empty(), Optional.empty());
        StartRequest goodReference = new StartRequest(NUMBER, BRAND, 4, Workflow.of(SMS), Optional.empty(),
                Optional.of(new ClientReference("myRef42")), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> fake.start(badBrand)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.getMessage()).contains("brand"));
        assertThatThrownBy(() -> fake.start(badReference)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.getMessage()).contains("client_ref"));
        assertThat(fake.start(goodReference)).isInstanceOf(StartOutcome.Started.class);
    }

    @Test
    @DisplayName("a v2 builder refuses v1 settings, and a v1 one v2 settings")
    void buildersRefuseTheOtherProfilesSettings() {
        assertThatThrownBy(() -> v2().pinExpiry(Duration.ofSeconds(300))).hasMessageContaining("Verify V1 setting");
        assertThatThrownBy(() -> v2().workflow(2)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FakeVerificationGateway.builder().channelTimeout(Duration.ofSeconds(60)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> defaultFake().defaultTimings()).isInstanceOf(IllegalStateException.class);
    }
}
