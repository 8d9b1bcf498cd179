package dev.phoneverify.core.service;

import static dev.phoneverify.core.support.Results.advanced;
import static dev.phoneverify.core.support.Results.as;
import static dev.phoneverify.core.support.Results.cancelled;
import static dev.phoneverify.core.support.Results.flowAfter;
import static dev.phoneverify.core.support.Results.refusal;
import static dev.phoneverify.core.support.Results.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartOutcome.RejectionReason;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.CapabilitiesBuilder;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.RecordingListener;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.VerificationEvent.Kind;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every transition of a flow, driven through the use cases' facade against a scripted gateway. */
class VerificationsTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final VerificationCode CODE = VerificationCode.parse("1234");

    private final MutableClock clock = new MutableClock();
    private final ScriptedGateway gateway = new ScriptedGateway(clock);
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final RecordingListener listener = new RecordingListener();
    private final Verifications service = serviceWith(gateway);

    /** Abuse controls off: these tests restart and resend at once; AbuseControlsTest covers the controls. */
    private Verifications serviceWith(VerificationGateway provider) {
        Verifications created = Verifications.builder().gateway(provider).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock)
                .policy(VerificationPolicy.defaults()).build();
        created.addListener(listener);
        return created;
    }

    private VerificationFlow stored(FlowId id) {
        return store.find(id).orElseThrow();
    }

    private static VerificationFlow start(Verifications verifications, PhoneNumber number) {
        return started(verifications.start(StartCommand.to(number)));
    }

    private VerificationFlow start(PhoneNumber number) {
        return start(service, number);
    }

    private static CheckResult check(Verifications verifications, FlowId id) {
        return verifications.check(new CheckCommand(id, CODE));
    }

    private CheckResult check(FlowId id) {
        return check(service, id);
    }

    /** The flow a refusal says has finished; fails unless the refusal is {@link Refusal.FlowFinished}. */
    private static VerificationFlow finished(Refusal refusal) {
        return as(refusal, Refusal.FlowFinished.class).flow();
    }

    @Test
    void theFacadeSaysWhichPolicyWorkflowAndCapabilitiesItRunsWith() {
        assertThat(service.policy()).isEqualTo(VerificationPolicy.defaults());
        assertThat(service.defaultWorkflow()).isEqualTo(gateway.capabilities().defaultWorkflow());
        assertThat(service.capabilities()).isEqualTo(gateway.capabilities());
    }

    @Nested
    class Start {
        @Test
        void startedByTheGatewayMakesAPendingFlowOnTheFirstChannel() {
            VerificationFlow flow = start(NUMBER);

            assertThat(flow.state()).isEqualTo(FlowState.PENDING);
            assertThat(flow.endReason()).isEmpty();
            assertThat(flow.number()).isEqualTo(NUMBER);
            assertThat(flow.requestId()).isEqualTo(ScriptedGateway.REQUEST_ID);
            assertThat(flow.channel()).isEqualTo(Channel.SMS);
            assertThat(flow.attemptsRemaining()).isEqualTo(3);
            assertThat(flow.createdAt()).isEqualTo(MutableClock.START);
            assertThat(flow.stepStartedAt()).isEqualTo(MutableClock.START);
            assertThat(stored(flow.id())).isEqualTo(flow);
            assertThat(service.find(flow.id())).contains(flow);
        }

        @Test
        void theProviderIsAskedForTheBrandThePolicysCodeLengthAndTheDefaultWorkflow() {
            start(NUMBER);

            StartRequest request = gateway.lastStartRequest();
            assertThat(request.number()).isEqualTo(NUMBER);
            assertThat(request.brand()).isEqualTo(new Brand("Acme"));
            assertThat(request.codeLength()).isEqualTo(VerificationPolicy.DEFAULT_CODE_LENGTH);
            assertThat(request.workflow()).isEqualTo(Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE));
            assertThat(request.email()).isEmpty();
            assertThat(request.clientReference()).isEmpty();
            assertThat(request.customCode()).isEmpty();
            assertThat(request.locale()).isEmpty();
        }

        @Test
        void aDefaultWorkflowWithAnEmailStepNeedsTheStartToBringAnAddress() {
            ScriptedGateway v2 = new ScriptedGateway(clock, CapabilitiesBuilder.v2Like().build());
            Verifications emailFirst = Verifications.builder().gateway(v2).flows(store)
                    .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock)
                    .defaultWorkflow(Workflow.parse("email,sms")).build();

            assertThatThrownBy(() -> emailFirst.start(StartCommand.to(NUMBER)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.EMAIL));
            assertThat(v2.totalCalls()).isZero();
            StartCommand withAddress = StartCommand.to(NUMBER).withEmail(EmailAddress.parse("ada@example.com"));
            assertThat(started(emailFirst.start(withAddress)).channel()).isEqualTo(Channel.EMAIL);
        }

        @Test
        void expiryIsTheProvidersRequestEndCappedByTheTenMinutePolicy() {
            gateway.onStart(new StartOutcome.Started(new RequestId("short"), Channel.SMS, clock.instant().plusSeconds(300)));

            VerificationFlow shortRequest = start(NUMBER);
            VerificationFlow defaultRequest = start(PhoneNumber.parse("+447700900001"));

            assertThat(shortRequest.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(300));
            assertThat(defaultRequest.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(10)));
        }

        @ParameterizedTest
        @EnumSource(RejectionReason.class)
        void aRejectedNumberIsRefusedWithTheReasonAndNoFlow(RejectionReason reason) {
            gateway.onStart(new StartOutcome.Rejected(reason));

            Refusal refusal = refusal(service.start(StartCommand.to(NUMBER)));

            assertThat(refusal).isEqualTo(new Refusal.NumberRejected(reason));
            assertThat(store.size()).isZero();
            assertThat(listener.events()).isEmpty();
        }

        @Test
        void aNumberWithAVerificationInFlightIsRefusedWithoutExposingTheProvidersId() {
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));

            Refusal refusal = refusal(service.start(StartCommand.to(NUMBER)));

            assertThat(refusal).isEqualTo(new Refusal.ConcurrentVerification());
            assertThat(refusal.toString()).doesNotContain("someone-elses-request");
            assertThat(store.size()).isZero();
        }
    }

    @Nested
    class LostStartAnswer {
        private void loseTheFirstStartAnswer(GatewayException.Reason reason, PhoneNumber number) {
            gateway.onStartThrow(new GatewayException(reason, "no answer"));
            assertThatThrownBy(() -> service.start(StartCommand.to(number))).isInstanceOf(GatewayException.class);
        }

        @Test
        void aRetryAfterATimedOutStartAdoptsTheRequestTheProviderNames() {
            loseTheFirstStartAnswer(GatewayException.Reason.TIMEOUT, NUMBER);
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            clock.advance(Duration.ofSeconds(20));

            VerificationFlow flow = start(NUMBER);

            assertThat(flow.requestId()).isEqualTo(new RequestId("lost-request"));
            assertThat(flow.state()).isEqualTo(FlowState.PENDING);
            assertThat(flow.createdAt()).isEqualTo(MutableClock.START);
            assertThat(flow.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(10)));
            assertThat(stored(flow.id())).isEqualTo(flow);
            assertThat(listener.kinds()).containsExactly(Kind.STARTED);
        }

        @Test
        void theAdoptedFlowIsOnTheFirstChannelOfTheWorkflowTheStartAskedFor() {
            ScriptedGateway v2 = new ScriptedGateway(clock, CapabilitiesBuilder.v2Like().build());
            Verifications onV2 = serviceWith(v2);
            StartCommand whatsAppFirst = StartCommand.to(NUMBER).withWorkflow(Workflow.parse("whatsapp,sms"));
            v2.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            assertThatThrownBy(() -> onV2.start(whatsAppFirst)).isInstanceOf(GatewayException.class);

            VerificationFlow flow = started(onV2.start(whatsAppFirst));

            assertThat(flow.channel()).isEqualTo(Channel.WHATSAPP);
        }

        @Test
        void theAdoptedFlowCanBeVerified() {
            loseTheFirstStartAnswer(GatewayException.Reason.TIMEOUT, NUMBER);
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            VerificationFlow flow = start(NUMBER);

            assertThat(check(flow.id())).isInstanceOf(CheckResult.Verified.class);
        }

        @Test
        void aLostStartIsAdoptedOnlyOnce() {
            loseTheFirstStartAnswer(GatewayException.Reason.TIMEOUT, NUMBER);
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            start(NUMBER);

            assertThat(refusal(service.start(StartCommand.to(NUMBER)))).isEqualTo(new Refusal.ConcurrentVerification());
        }

        @Test
        void aLostStartOlderThanThePolicyLifetimeIsNotAdopted() {
            loseTheFirstStartAnswer(GatewayException.Reason.TIMEOUT, NUMBER);
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            clock.advance(Duration.ofMinutes(10));

            assertThat(refusal(service.start(StartCommand.to(NUMBER)))).isEqualTo(new Refusal.ConcurrentVerification());
            assertThat(store.size()).isZero();
        }

        @Test
        void aMisconfiguredStartSentNothingSoItsRetryIsNotAdopted() {
            loseTheFirstStartAnswer(GatewayException.Reason.MISCONFIGURED, NUMBER);
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));

            assertThat(refusal(service.start(StartCommand.to(NUMBER)))).isEqualTo(new Refusal.ConcurrentVerification());
        }

        @Test
        void aLostStartOfAnotherNumberIsNotAdopted() {
            loseTheFirstStartAnswer(GatewayException.Reason.TIMEOUT, PhoneNumber.parse("+15550100"));
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));

            assertThat(refusal(service.start(StartCommand.to(NUMBER)))).isEqualTo(new Refusal.ConcurrentVerification());
        }
    }

    @Nested
    class Check {
        @Test
        void aCorrectCodeVerifiesTheFlow() {
            VerificationFlow flow = start(NUMBER);

            CheckResult result = check(flow.id());

            assertThat(result).isInstanceOf(CheckResult.Verified.class);
            assertThat(flowAfter(result).state()).isEqualTo(FlowState.VERIFIED);
            assertThat(flowAfter(result).endReason()).contains(EndReason.CODE_VERIFIED);
            assertThat(stored(flow.id())).isEqualTo(flowAfter(result));
        }

        @Test
        void aWrongCodeWithAttemptsLeftStaysPendingAndCountsTheAttempt() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode());

            CheckResult result = check(flow.id());

            assertThat(result).isInstanceOfSatisfying(CheckResult.WrongCode.class,
                    wrong -> assertThat(wrong.attemptsRemaining()).isEqualTo(2));
            assertThat(flowAfter(result).state()).isEqualTo(FlowState.PENDING);
            assertThat(flowAfter(result).wrongAttempts()).isEqualTo(1);
            assertThat(flowAfter(result).attemptsRemaining()).isEqualTo(2);
        }

        @Test
        void theUserIsToldTheLowerOfPolicyAndProviderAttemptsLeft() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCheck(new CheckOutcome.WrongCode(OptionalInt.of(1)));

            assertThat(flowAfter(check(flow.id())).attemptsRemaining()).isEqualTo(1);
        }

        @Test
        void wrongCodeThreeTimesFailsTheFlow() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode()).onCheck(ScriptedGateway.wrongCode())
                    .onCheck(ScriptedGateway.wrongCode());

            check(flow.id());
            check(flow.id());
            CheckResult third = check(flow.id());

            assertThat(third).isInstanceOf(CheckResult.Failed.class);
            assertThat(flowAfter(third).state()).isEqualTo(FlowState.FAILED);
            assertThat(flowAfter(third).endReason()).contains(EndReason.TOO_MANY_WRONG_CODES);
            assertThat(flowAfter(third).wrongAttempts()).isEqualTo(3);
            assertThat(flowAfter(third).attemptsRemaining()).isZero();
            assertThat(finished(refusal(check(flow.id()))).state()).isEqualTo(FlowState.FAILED);
            assertThat(gateway.checkCalls()).isEqualTo(3);
        }

        @Test
        void theProviderEndingTheRequestForTooManyWrongCodesFailsTheFlow() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCheck(new CheckOutcome.TooManyAttempts());

            CheckResult result = check(flow.id());

            assertThat(result).isInstanceOf(CheckResult.Failed.class);
            assertThat(flowAfter(result).state()).isEqualTo(FlowState.FAILED);
            assertThat(flowAfter(result).endReason()).contains(EndReason.TOO_MANY_WRONG_CODES);
            assertThat(flowAfter(result).wrongAttempts()).isEqualTo(1);
        }

        @Test
        void anUnknownFlowIdIsNotFound() {
            FlowId unknown = FlowId.random();

            assertThat(refusal(check(unknown))).isEqualTo(new Refusal.FlowNotFound(unknown));
            assertThat(gateway.totalCalls()).isZero();
        }
    }

    static Stream<Arguments> reconciliations() {
        return Stream.of(
                Arguments.of(RequestStatus.VERIFIED, FlowState.VERIFIED, EndReason.VERIFIED_AT_PROVIDER, CheckResult.Verified.class, Kind.VERIFIED),
                Arguments.of(RequestStatus.FAILED, FlowState.FAILED, EndReason.FAILED_AT_PROVIDER, CheckResult.Failed.class, Kind.FAILED),
                Arguments.of(RequestStatus.CANCELLED, FlowState.CANCELLED, EndReason.CANCELLED_AT_PROVIDER, CheckResult.Expired.class, Kind.CANCELLED),
                Arguments.of(RequestStatus.EXPIRED, FlowState.EXPIRED, EndReason.EXPIRED_AT_PROVIDER, CheckResult.Expired.class, Kind.EXPIRED),
                Arguments.of(RequestStatus.UNKNOWN, FlowState.EXPIRED, EndReason.UNKNOWN_TO_PROVIDER, CheckResult.Expired.class, Kind.EXPIRED),
                Arguments.of(RequestStatus.IN_PROGRESS, FlowState.EXPIRED, EndReason.UNKNOWN_TO_PROVIDER, CheckResult.Expired.class, Kind.EXPIRED));
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @MethodSource("reconciliations")
    void aCheckTheProviderNoLongerKnowsIsSettledByTheRequestsStatus(RequestStatus status, FlowState state,
                                                                    EndReason reason, Class<?> result, Kind event) {
        VerificationFlow flow = start(NUMBER);
        gateway.onCheck(new CheckOutcome.NotFound()).onStatus(status);

        CheckResult checked = check(flow.id());

        assertThat(checked).isInstanceOf(result);
        assertThat(flowAfter(checked).state()).isEqualTo(state);
        assertThat(flowAfter(checked).endReason()).contains(reason);
        assertThat(stored(flow.id()).state()).isEqualTo(state);
        assertThat(gateway.statusCalls()).isEqualTo(1);
        assertThat(listener.kinds()).containsExactly(Kind.STARTED, event);
    }

    @Test
    void aCorrectCodeWhoseAnswerWasLostIsVerifiedOnRetryThroughTheStatus() {
        VerificationFlow flow = start(NUMBER);
        gateway.onCheck(new CheckOutcome.Correct());
        // The first answer is lost on the way back: the provider verified, we saw a timeout.
        Verifications lossyService = serviceWith(new LosingFirstCheckAnswer(gateway));
        assertThatThrownBy(() -> check(lossyService, flow.id())).isInstanceOf(GatewayException.class);
        assertThat(stored(flow.id())).isEqualTo(flow);
        gateway.onCheck(new CheckOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

        CheckResult retry = check(lossyService, flow.id());

        assertThat(retry).isInstanceOf(CheckResult.Verified.class);
        assertThat(flowAfter(retry).state()).isEqualTo(FlowState.VERIFIED);
    }

    /** A gateway that cannot look a request up: what the provider no longer knows has expired, unknown to it. */
    @Nested
    class ReconcileWithoutStatusLookup {
        private final ScriptedGateway noLookup =
                new ScriptedGateway(clock, CapabilitiesBuilder.v1Like().statusLookup(false).build());
        private final Verifications blind = serviceWith(noLookup);
        private final VerificationFlow flow = start(blind, NUMBER);

        @Test
        void aCheckAnsweredNotFoundExpiresTheFlowUnknownToTheProviderWithoutAskingItsStatus() {
            // Even a status that would say "verified" must not be asked for, nor guessed.
            noLookup.onCheck(new CheckOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

            CheckResult result = check(blind, flow.id());

            assertThat(result).isInstanceOf(CheckResult.Expired.class);
            assertThat(flowAfter(result).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(flowAfter(result).endReason()).contains(EndReason.UNKNOWN_TO_PROVIDER);
            assertThat(stored(flow.id())).isEqualTo(flowAfter(result));
            assertThat(noLookup.statusCalls()).isZero();
            assertThat(listener.kinds()).containsExactly(Kind.STARTED, Kind.EXPIRED);
        }

        @Test
        void aCancelAnsweredNotFoundExpiresTheFlowUnknownToTheProvider() {
            noLookup.onCancel(new CancelOutcome.NotFound()).onStatus(RequestStatus.CANCELLED);

            VerificationFlow ended = finished(refusal(blind.cancel(flow.id())));

            assertThat(ended.state()).isEqualTo(FlowState.EXPIRED);
            assertThat(ended.endReason()).contains(EndReason.UNKNOWN_TO_PROVIDER);
            assertThat(noLookup.statusCalls()).isZero();
        }

        @Test
        void aNextStepAnsweredNotFoundExpiresTheFlowUnknownToTheProvider() {
            noLookup.onAdvance(new AdvanceOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

            VerificationFlow ended = finished(refusal(blind.next(flow.id())));

            assertThat(ended.state()).isEqualTo(FlowState.EXPIRED);
            assertThat(ended.endReason()).contains(EndReason.UNKNOWN_TO_PROVIDER);
            assertThat(noLookup.statusCalls()).isZero();
        }
    }

    @Nested
    class Cancel {
        @Test
        void aCancelledRequestCancelsTheFlow() {
            VerificationFlow flow = start(NUMBER);

            VerificationFlow cancelled = cancelled(service.cancel(flow.id()));

            assertThat(cancelled.state()).isEqualTo(FlowState.CANCELLED);
            assertThat(cancelled.endReason()).contains(EndReason.CANCELLED_ON_REQUEST);
            assertThat(stored(flow.id())).isEqualTo(cancelled);
            assertThat(finished(refusal(check(flow.id()))).state()).isEqualTo(FlowState.CANCELLED);
        }

        @ParameterizedTest
        @EnumSource(CancelOutcome.Reason.class)
        void aRefusedCancelLeavesTheFlowPendingAndSaysWhy(CancelOutcome.Reason reason) {
            VerificationFlow flow = start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotPermitted(reason));

            assertThat(refusal(service.cancel(flow.id()))).isEqualTo(new Refusal.CancelNotPermitted(reason));
            assertThat(stored(flow.id())).isEqualTo(flow);
        }

        @Test
        void aCancelTheProviderNoLongerKnowsEndsTheFlowAsTheStatusSays() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotFound()).onStatus(RequestStatus.EXPIRED);

            assertThat(finished(refusal(service.cancel(flow.id()))).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.EXPIRED);
        }
    }

    @Nested
    class Next {
        @Test
        void advancingMovesToTheNewChannelAndStaysPending() {
            VerificationFlow flow = start(NUMBER);
            clock.advance(Duration.ofSeconds(40));
            gateway.onAdvance(new AdvanceOutcome.Advanced(Channel.VOICE, MutableClock.START.plusSeconds(400)));

            VerificationFlow advanced = advanced(service.next(flow.id()));

            assertThat(advanced.state()).isEqualTo(FlowState.PENDING);
            assertThat(advanced.channel()).isEqualTo(Channel.VOICE);
            assertThat(advanced.stepStartedAt()).isEqualTo(MutableClock.START.plusSeconds(40));
            assertThat(advanced.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(400));
            assertThat(advanced.version()).isEqualTo(flow.version() + 1);
            assertThat(stored(flow.id())).isEqualTo(advanced);
        }

        @Test
        void noStepsLeftIsRefusedAndTheFlowGoesOnUnchanged() {
            VerificationFlow flow = start(NUMBER);
            gateway.onAdvance(new AdvanceOutcome.NoStepsLeft());

            assertThat(refusal(service.next(flow.id()))).isEqualTo(new Refusal.NoNextStep(flow));
            assertThat(stored(flow.id())).isEqualTo(flow);
        }

        @Test
        void aNextStepTheProviderNoLongerKnowsEndsTheFlowAsTheStatusSays() {
            VerificationFlow flow = start(NUMBER);
            gateway.onAdvance(new AdvanceOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

            assertThat(finished(refusal(service.next(flow.id()))).state()).isEqualTo(FlowState.VERIFIED);
        }
    }

    @Nested
    class Expiry {
        @Test
        void theClockPassingExpiryExpiresTheFlowWithoutCallingTheGateway() {
            VerificationFlow flow = start(NUMBER);
            int callsBefore = gateway.totalCalls();
            clock.advance(Duration.ofMinutes(10));

            VerificationFlow expired = finished(refusal(check(flow.id())));

            assertThat(expired.state()).isEqualTo(FlowState.EXPIRED);
            assertThat(expired.endReason()).contains(EndReason.TIMED_OUT);
            assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(listener.kinds()).containsExactly(Kind.STARTED, Kind.EXPIRED);
        }

        @Test
        void findShowsAnOverdueFlowAsExpired() {
            VerificationFlow flow = start(NUMBER);
            clock.advance(Duration.ofMinutes(9).plusSeconds(59));
            assertThat(service.find(flow.id())).hasValueSatisfying(f -> assertThat(f.state()).isEqualTo(FlowState.PENDING));

            clock.advance(Duration.ofSeconds(1));

            assertThat(service.find(flow.id())).hasValueSatisfying(f -> assertThat(f.state()).isEqualTo(FlowState.EXPIRED));
            assertThat(gateway.totalCalls()).isEqualTo(1);
        }

        @Test
        void expireDueExpiresOnlyTheDueFlowsAndEmitsExpired() {
            gateway.onStart(new StartOutcome.Started(new RequestId("early"), Channel.SMS, clock.instant().plusSeconds(60)));
            VerificationFlow early = start(NUMBER);
            VerificationFlow later = start(PhoneNumber.parse("+447700900001"));
            clock.advance(Duration.ofSeconds(61));

            int expired = service.expireDue(100);

            assertThat(expired).isEqualTo(1);
            assertThat(stored(early.id()).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(stored(later.id())).isEqualTo(later);
            assertThat(listener.events()).last().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(Kind.EXPIRED);
                assertThat(e.flow().id()).isEqualTo(early.id());
            });
            assertThat(gateway.totalCalls()).isEqualTo(2);
            assertThat(service.expireDue(100)).isZero();
        }

        @Test
        void expireDueStopsAtItsLimit() {
            start(NUMBER);
            start(PhoneNumber.parse("+447700900001"));
            start(PhoneNumber.parse("+447700900002"));
            clock.advance(Duration.ofMinutes(11));

            assertThat(service.expireDue(2)).isEqualTo(2);
            assertThat(service.expireDue(2)).isEqualTo(1);
        }
    }

    /** The commands a user can send to an existing flow, each answering with its refusal. */
    enum Command {
        CHECK((s, id) -> refusal(check(s, id))),
        CANCEL((s, id) -> refusal(s.cancel(id))),
        NEXT((s, id) -> refusal(s.next(id)));

        private final BiFunction<Verifications, FlowId, Refusal> refusalOf;

        Command(BiFunction<Verifications, FlowId, Refusal> refusalOf) {
            this.refusalOf = refusalOf;
        }
    }

    static Stream<Arguments> finishedFlowsAndCommands() {
        return Stream.of(FlowState.values()).filter(FlowState::isTerminal)
                .flatMap(state -> Stream.of(Command.values()).map(command -> Arguments.of(state, command)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("finishedFlowsAndCommands")
    void anyCommandOnAFinishedFlowIsRefusedNamingTheStateWithoutCallingTheGateway(FlowState state, Command command) {
        VerificationFlow flow = finishedFlow(state);
        int callsBefore = gateway.totalCalls();

        Refusal refusal = command.refusalOf.apply(service, flow.id());

        assertThat(finished(refusal).state()).isEqualTo(state);
        assertThat(finished(refusal)).isEqualTo(flow);
        assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
        assertThat(stored(flow.id())).isEqualTo(flow);
    }

    private VerificationFlow finishedFlow(FlowState state) {
        VerificationFlow flow = start(NUMBER);
        return switch (state) {
            case VERIFIED -> flowAfter(check(flow.id()));
            case FAILED -> {
                gateway.onCheck(new CheckOutcome.TooManyAttempts());
                yield flowAfter(check(flow.id()));
            }
            case CANCELLED -> cancelled(service.cancel(flow.id()));
            case EXPIRED -> {
                clock.advance(Duration.ofMinutes(10));
                yield service.find(flow.id()).orElseThrow();
            }
            case PENDING -> throw new IllegalArgumentException(state + " is not terminal");
        };
    }

    @Nested
    class Events {
        @Test
        void everyTransitionEmitsItsEventInOrder() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode());
            check(flow.id());
            service.next(flow.id());
            check(flow.id());

            assertThat(listener.kinds()).containsExactly(
                    Kind.STARTED, Kind.CODE_REJECTED, Kind.ADVANCED, Kind.CODE_ACCEPTED, Kind.VERIFIED);
            assertThat(listener.events()).extracting(e -> e.flow().version()).containsExactly(0L, 1L, 2L, 3L, 3L);
        }

        @Test
        void failingAndCancellingEmitTheirEvents() {
            VerificationFlow failing = start(NUMBER);
            gateway.onCheck(new CheckOutcome.TooManyAttempts());
            check(failing.id());
            VerificationFlow cancelling = start(PhoneNumber.parse("+447700900001"));
            service.cancel(cancelling.id());

            assertThat(listener.kinds()).containsExactly(
                    Kind.STARTED, Kind.CODE_REJECTED, Kind.FAILED, Kind.STARTED, Kind.CANCELLED);
        }

        @Test
        void refusedCommandsEmitNothing() {
            VerificationFlow flow = start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY))
                    .onAdvance(new AdvanceOutcome.NoStepsLeft());
            assertThat(refusal(service.cancel(flow.id()))).isInstanceOf(Refusal.CancelNotPermitted.class);
            assertThat(refusal(service.next(flow.id()))).isInstanceOf(Refusal.NoNextStep.class);

            assertThat(listener.kinds()).containsExactly(Kind.STARTED);
        }

        @Test
        void aThrowingListenerDoesNotBreakTheCommandOrOtherListeners() {
            service.addListener(event -> {
                throw new IllegalStateException("audit log is down");
            });
            RecordingListener after = new RecordingListener();
            service.addListener(after);

            VerificationFlow flow = start(NUMBER);
            CheckResult result = check(flow.id());

            assertThat(result).isInstanceOf(CheckResult.Verified.class);
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.VERIFIED);
            assertThat(after.kinds()).containsExactly(Kind.STARTED, Kind.CODE_ACCEPTED, Kind.VERIFIED);
        }

        @Test
        void aRemovedListenerHearsNothingMore() {
            service.removeListener(listener);

            start(NUMBER);

            assertThat(listener.events()).isEmpty();
        }
    }
}
