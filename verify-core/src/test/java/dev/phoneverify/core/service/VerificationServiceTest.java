package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartOutcome.RejectionReason;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.RecordingListener;
import dev.phoneverify.core.support.ScriptedGateway;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of design.md's state table, driven through the service against a scripted gateway. */
class VerificationServiceTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final VerificationCode CODE = VerificationCode.parse("1234");

    private final MutableClock clock = new MutableClock();
    private final ScriptedGateway gateway = new ScriptedGateway(clock);
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final RecordingListener listener = new RecordingListener();
    private final VerificationService service = serviceWith(VerificationPolicy.defaults());

    /** Abuse controls off: these tests restart and resend at once; AbuseControlsTest covers the controls. */
    private VerificationService serviceWith(VerificationPolicy policy) {
        VerificationService created = new VerificationService(gateway, store, policy, new Brand("Acme"), clock,
                AbuseControls.none());
        created.addListener(listener);
        return created;
    }

    private VerificationFlow stored(FlowId id) {
        return store.find(id).orElseThrow();
    }

    @Nested
    class Start {
        @Test
        void startedByTheGatewayMakesAPendingFlowOnTheFirstChannel() {
            VerificationFlow flow = service.start(NUMBER);

            assertThat(flow.state()).isEqualTo(FlowState.PENDING);
            assertThat(flow.number()).isEqualTo(NUMBER);
            assertThat(flow.requestId()).isEqualTo(ScriptedGateway.REQUEST_ID);
            assertThat(flow.channel()).isEqualTo(Channel.SMS);
            assertThat(flow.attemptsRemaining()).isEqualTo(3);
            assertThat(flow.createdAt()).isEqualTo(MutableClock.START);
            assertThat(stored(flow.id())).isEqualTo(flow);
            assertThat(service.find(flow.id())).contains(flow);
        }

        @Test
        void expiryIsTheProvidersRequestEndCappedByTheTenMinutePolicy() {
            gateway.onStart(new StartOutcome.Started(new RequestId("short"), Channel.SMS, clock.instant().plusSeconds(300)));

            VerificationFlow shortRequest = service.start(NUMBER);
            VerificationFlow defaultRequest = service.start(PhoneNumber.parse("+447700900001"));

            assertThat(shortRequest.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(300));
            assertThat(defaultRequest.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(10)));
        }

        @ParameterizedTest
        @EnumSource(RejectionReason.class)
        void aRejectedNumberIsATypedErrorAndNoFlow(RejectionReason reason) {
            gateway.onStart(new StartOutcome.Rejected(reason, "the provider will not send to this number"));

            assertThatThrownBy(() -> service.start(NUMBER))
                    .isInstanceOfSatisfying(NumberRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                    .hasMessage("the provider will not send to this number");
            assertThat(store.size()).isZero();
            assertThat(listener.events()).isEmpty();
        }

        @Test
        void aNumberWithAVerificationInFlightIsRefusedWithoutExposingTheProvidersId() {
            gateway.onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));

            assertThatThrownBy(() -> service.start(NUMBER))
                    .isInstanceOf(ConcurrentVerificationException.class)
                    .hasMessageNotContaining("someone-elses-request");
            assertThat(store.size()).isZero();
        }
    }

    @Nested
    class LostStartAnswer {
        @Test
        void aRetryAfterATimedOutStartAdoptsTheRequestTheProviderNames() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(GatewayException.class);
            clock.advance(Duration.ofSeconds(20));

            VerificationFlow flow = service.start(NUMBER);

            assertThat(flow.requestId()).isEqualTo(new RequestId("lost-request"));
            assertThat(flow.state()).isEqualTo(FlowState.PENDING);
            assertThat(flow.createdAt()).isEqualTo(MutableClock.START);
            assertThat(flow.expiresAt()).isEqualTo(MutableClock.START.plus(Duration.ofMinutes(10)));
            assertThat(stored(flow.id())).isEqualTo(flow);
            assertThat(listener.kinds()).containsExactly(VerificationEvent.Started.class);
        }

        @Test
        void theAdoptedFlowCanBeVerified() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(GatewayException.class);
            VerificationFlow flow = service.start(NUMBER);

            assertThat(service.check(flow.id(), CODE).outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
        }

        @Test
        void aLostStartIsAdoptedOnlyOnce() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(GatewayException.class);
            service.start(NUMBER);

            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(ConcurrentVerificationException.class);
        }

        @Test
        void aLostStartOlderThanThePolicyLifetimeIsNotAdopted() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("lost-request")));
            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(GatewayException.class);
            clock.advance(Duration.ofMinutes(10));

            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(ConcurrentVerificationException.class);
            assertThat(store.size()).isZero();
        }

        @Test
        void aMisconfiguredStartSentNothingSoItsRetryIsNotAdopted() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.MISCONFIGURED, "bad key"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));
            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(GatewayException.class);

            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(ConcurrentVerificationException.class);
        }

        @Test
        void aLostStartOfAnotherNumberIsNotAdopted() {
            gateway.onStartThrow(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer"))
                    .onStart(new StartOutcome.ConcurrentVerification(new RequestId("someone-elses-request")));
            assertThatThrownBy(() -> service.start(PhoneNumber.parse("+15550100"))).isInstanceOf(GatewayException.class);

            assertThatThrownBy(() -> service.start(NUMBER)).isInstanceOf(ConcurrentVerificationException.class);
        }
    }

    @Nested
    class Check {
        @Test
        void aCorrectCodeVerifiesTheFlow() {
            VerificationFlow flow = service.start(NUMBER);

            CheckResult result = service.check(flow.id(), CODE);

            assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
            assertThat(result.flow().state()).isEqualTo(FlowState.VERIFIED);
            assertThat(stored(flow.id())).isEqualTo(result.flow());
        }

        @Test
        void aWrongCodeWithAttemptsLeftStaysPendingAndCountsTheAttempt() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode());

            CheckResult result = service.check(flow.id(), CODE);

            assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.WRONG_CODE);
            assertThat(result.flow().state()).isEqualTo(FlowState.PENDING);
            assertThat(result.flow().wrongAttempts()).isEqualTo(1);
            assertThat(result.flow().attemptsRemaining()).isEqualTo(2);
        }

        @Test
        void theUserIsToldTheLowerOfPolicyAndProviderAttemptsLeft() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(new CheckOutcome.WrongCode(OptionalInt.of(1)));

            assertThat(service.check(flow.id(), CODE).flow().attemptsRemaining()).isEqualTo(1);
        }

        @Test
        void wrongCodeThreeTimesFailsTheFlow() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode()).onCheck(ScriptedGateway.wrongCode())
                    .onCheck(ScriptedGateway.wrongCode());

            service.check(flow.id(), CODE);
            service.check(flow.id(), CODE);
            CheckResult third = service.check(flow.id(), CODE);

            assertThat(third.outcome()).isEqualTo(CheckResult.Outcome.TOO_MANY_ATTEMPTS);
            assertThat(third.flow().state()).isEqualTo(FlowState.FAILED);
            assertThat(third.flow().wrongAttempts()).isEqualTo(3);
            assertThat(third.flow().attemptsRemaining()).isZero();
            assertThatThrownBy(() -> service.check(flow.id(), CODE)).isInstanceOf(FlowFinishedException.class);
            assertThat(gateway.checkCalls()).isEqualTo(3);
        }

        @Test
        void theProviderEndingTheRequestForTooManyWrongCodesFailsTheFlow() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(new CheckOutcome.TooManyAttempts());

            CheckResult result = service.check(flow.id(), CODE);

            assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.TOO_MANY_ATTEMPTS);
            assertThat(result.flow().state()).isEqualTo(FlowState.FAILED);
            assertThat(result.flow().wrongAttempts()).isEqualTo(1);
        }

        @Test
        void anUnknownFlowIdIsNotFound() {
            FlowId unknown = FlowId.random();

            assertThatThrownBy(() -> service.check(unknown, CODE))
                    .isInstanceOf(FlowNotFoundException.class).hasMessage("no verification with id " + unknown);
            assertThat(gateway.totalCalls()).isZero();
        }
    }

    static Stream<Arguments> reconciliations() {
        return Stream.of(
                Arguments.of(RequestStatus.VERIFIED, FlowState.VERIFIED, CheckResult.Outcome.CORRECT, VerificationEvent.Verified.class),
                Arguments.of(RequestStatus.FAILED, FlowState.FAILED, CheckResult.Outcome.TOO_MANY_ATTEMPTS, VerificationEvent.Failed.class),
                Arguments.of(RequestStatus.CANCELLED, FlowState.CANCELLED, CheckResult.Outcome.EXPIRED, VerificationEvent.Cancelled.class),
                Arguments.of(RequestStatus.EXPIRED, FlowState.EXPIRED, CheckResult.Outcome.EXPIRED, VerificationEvent.Expired.class),
                Arguments.of(RequestStatus.UNKNOWN, FlowState.EXPIRED, CheckResult.Outcome.EXPIRED, VerificationEvent.Expired.class),
                Arguments.of(RequestStatus.IN_PROGRESS, FlowState.EXPIRED, CheckResult.Outcome.EXPIRED, VerificationEvent.Expired.class));
    }

    @ParameterizedTest(name = "status {0} -> {1}")
    @MethodSource("reconciliations")
    void aCheckTheProviderNoLongerKnowsIsSettledByTheRequestsStatus(RequestStatus status, FlowState state,
                                                                    CheckResult.Outcome outcome, Class<?> event) {
        VerificationFlow flow = service.start(NUMBER);
        gateway.onCheck(new CheckOutcome.NotFound()).onStatus(status);

        CheckResult result = service.check(flow.id(), CODE);

        assertThat(result.flow().state()).isEqualTo(state);
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(stored(flow.id()).state()).isEqualTo(state);
        assertThat(gateway.statusCalls()).isEqualTo(1);
        assertThat(listener.kinds()).containsExactly(VerificationEvent.Started.class, event);
    }

    @Test
    void aCorrectCodeWhoseAnswerWasLostIsVerifiedOnRetryThroughTheStatus() {
        VerificationFlow flow = service.start(NUMBER);
        gateway.onCheck(new CheckOutcome.Correct());
        // The first answer is lost on the way back: the provider verified, we saw a timeout.
        VerificationService lossyService = new VerificationService(new LosingFirstCheckAnswer(gateway), store,
                VerificationPolicy.defaults(), new Brand("Acme"), clock, AbuseControls.none());
        assertThatThrownBy(() -> lossyService.check(flow.id(), CODE)).isInstanceOf(GatewayException.class);
        assertThat(stored(flow.id())).isEqualTo(flow);
        gateway.onCheck(new CheckOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

        CheckResult retry = lossyService.check(flow.id(), CODE);

        assertThat(retry.outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
        assertThat(retry.flow().state()).isEqualTo(FlowState.VERIFIED);
    }

    @Nested
    class Cancel {
        @Test
        void aCancelledRequestCancelsTheFlow() {
            VerificationFlow flow = service.start(NUMBER);

            VerificationFlow cancelled = service.cancel(flow.id());

            assertThat(cancelled.state()).isEqualTo(FlowState.CANCELLED);
            assertThat(stored(flow.id())).isEqualTo(cancelled);
            assertThatThrownBy(() -> service.check(flow.id(), CODE)).isInstanceOf(FlowFinishedException.class);
        }

        @ParameterizedTest
        @EnumSource(CancelOutcome.Reason.class)
        void aRefusedCancelLeavesTheFlowPendingAndSaysWhy(CancelOutcome.Reason reason) {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotPermitted(reason));

            assertThatThrownBy(() -> service.cancel(flow.id()))
                    .isInstanceOfSatisfying(CancelNotPermittedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                    .hasMessage(reason.explanation());
            assertThat(stored(flow.id())).isEqualTo(flow);
        }

        @Test
        void aCancelTheProviderNoLongerKnowsEndsTheFlowAsTheStatusSays() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotFound()).onStatus(RequestStatus.EXPIRED);

            assertThatThrownBy(() -> service.cancel(flow.id()))
                    .isInstanceOfSatisfying(FlowFinishedException.class, e -> assertThat(e.state()).isEqualTo(FlowState.EXPIRED));
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.EXPIRED);
        }
    }

    @Nested
    class Next {
        @Test
        void advancingMovesToTheNewChannelAndStaysPending() {
            VerificationFlow flow = service.start(NUMBER);
            clock.advance(Duration.ofSeconds(40));
            gateway.onAdvance(new AdvanceOutcome.Advanced(Channel.VOICE, MutableClock.START.plusSeconds(400)));

            VerificationFlow advanced = service.next(flow.id());

            assertThat(advanced.state()).isEqualTo(FlowState.PENDING);
            assertThat(advanced.channel()).isEqualTo(Channel.VOICE);
            assertThat(advanced.expiresAt()).isEqualTo(MutableClock.START.plusSeconds(400));
            assertThat(advanced.version()).isEqualTo(flow.version() + 1);
            assertThat(stored(flow.id())).isEqualTo(advanced);
        }

        @Test
        void noStepsLeftIsATypedErrorAndTheFlowGoesOnUnchanged() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onAdvance(new AdvanceOutcome.NoStepsLeft());

            assertThatThrownBy(() -> service.next(flow.id())).isInstanceOf(NoNextStepException.class);
            assertThat(stored(flow.id())).isEqualTo(flow);
        }

        @Test
        void aNextStepTheProviderNoLongerKnowsEndsTheFlowAsTheStatusSays() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onAdvance(new AdvanceOutcome.NotFound()).onStatus(RequestStatus.VERIFIED);

            assertThatThrownBy(() -> service.next(flow.id()))
                    .isInstanceOfSatisfying(FlowFinishedException.class, e -> assertThat(e.state()).isEqualTo(FlowState.VERIFIED));
        }
    }

    @Nested
    class Expiry {
        @Test
        void theClockPassingExpiryExpiresTheFlowWithoutCallingTheGateway() {
            VerificationFlow flow = service.start(NUMBER);
            int callsBefore = gateway.totalCalls();
            clock.advance(Duration.ofMinutes(10));

            assertThatThrownBy(() -> service.check(flow.id(), CODE))
                    .isInstanceOfSatisfying(FlowFinishedException.class, e -> assertThat(e.state()).isEqualTo(FlowState.EXPIRED))
                    .hasMessage("the verification has already ended: it is EXPIRED");
            assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(listener.kinds()).containsExactly(VerificationEvent.Started.class, VerificationEvent.Expired.class);
        }

        @Test
        void findShowsAnOverdueFlowAsExpired() {
            VerificationFlow flow = service.start(NUMBER);
            clock.advance(Duration.ofMinutes(9).plusSeconds(59));
            assertThat(service.find(flow.id())).hasValueSatisfying(f -> assertThat(f.state()).isEqualTo(FlowState.PENDING));

            clock.advance(Duration.ofSeconds(1));

            assertThat(service.find(flow.id())).hasValueSatisfying(f -> assertThat(f.state()).isEqualTo(FlowState.EXPIRED));
            assertThat(gateway.totalCalls()).isEqualTo(1);
        }

        @Test
        void expireDueExpiresOnlyTheDueFlowsAndEmitsExpired() {
            gateway.onStart(new StartOutcome.Started(new RequestId("early"), Channel.SMS, clock.instant().plusSeconds(60)));
            VerificationFlow early = service.start(NUMBER);
            VerificationFlow later = service.start(PhoneNumber.parse("+447700900001"));
            clock.advance(Duration.ofSeconds(61));

            int expired = service.expireDue(100);

            assertThat(expired).isEqualTo(1);
            assertThat(stored(early.id()).state()).isEqualTo(FlowState.EXPIRED);
            assertThat(stored(later.id())).isEqualTo(later);
            assertThat(listener.events()).last().isInstanceOfSatisfying(VerificationEvent.Expired.class,
                    e -> assertThat(e.flow().id()).isEqualTo(early.id()));
            assertThat(gateway.totalCalls()).isEqualTo(2);
            assertThat(service.expireDue(100)).isZero();
        }

        @Test
        void expireDueStopsAtItsLimit() {
            service.start(NUMBER);
            service.start(PhoneNumber.parse("+447700900001"));
            service.start(PhoneNumber.parse("+447700900002"));
            clock.advance(Duration.ofMinutes(11));

            assertThat(service.expireDue(2)).isEqualTo(2);
            assertThat(service.expireDue(2)).isEqualTo(1);
        }
    }

    /** The commands a user can send to an existing flow. */
    enum Command {
        CHECK((s, id) -> s.check(id, CODE)),
        CANCEL(VerificationService::cancel),
        NEXT(VerificationService::next);

        private final BiConsumer<VerificationService, FlowId> send;

        Command(BiConsumer<VerificationService, FlowId> send) {
            this.send = send;
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

        assertThatThrownBy(() -> command.send.accept(service, flow.id()))
                .isInstanceOfSatisfying(FlowFinishedException.class, e -> assertThat(e.state()).isEqualTo(state))
                .hasMessage("the verification has already ended: it is " + state);
        assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
        assertThat(stored(flow.id())).isEqualTo(flow);
    }

    private VerificationFlow finishedFlow(FlowState state) {
        VerificationFlow flow = service.start(NUMBER);
        switch (state) {
            case VERIFIED:
                return service.check(flow.id(), CODE).flow();
            case FAILED:
                gateway.onCheck(new CheckOutcome.TooManyAttempts());
                return service.check(flow.id(), CODE).flow();
            case CANCELLED:
                return service.cancel(flow.id());
            case EXPIRED:
                clock.advance(Duration.ofMinutes(10));
                return service.find(flow.id()).orElseThrow();
            default:
                throw new IllegalArgumentException(state + " is not terminal");
        }
    }

    @Nested
    class Events {
        @Test
        void everyTransitionEmitsItsEventInOrder() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(ScriptedGateway.wrongCode());
            service.check(flow.id(), CODE);
            service.next(flow.id());
            service.check(flow.id(), CODE);

            assertThat(listener.kinds()).containsExactly(
                    VerificationEvent.Started.class,
                    VerificationEvent.CodeChecked.class,
                    VerificationEvent.Advanced.class,
                    VerificationEvent.CodeChecked.class,
                    VerificationEvent.Verified.class);
            assertThat(listener.events()).extracting(VerificationEvent::flow).extracting(VerificationFlow::version)
                    .containsExactly(0L, 1L, 2L, 3L, 3L);
            assertThat(((VerificationEvent.CodeChecked) listener.events().get(1)).correct()).isFalse();
            assertThat(((VerificationEvent.CodeChecked) listener.events().get(3)).correct()).isTrue();
        }

        @Test
        void failingAndCancellingEmitTheirEvents() {
            VerificationFlow failing = service.start(NUMBER);
            gateway.onCheck(new CheckOutcome.TooManyAttempts());
            service.check(failing.id(), CODE);
            VerificationFlow cancelling = service.start(PhoneNumber.parse("+447700900001"));
            service.cancel(cancelling.id());

            assertThat(listener.kinds()).containsExactly(
                    VerificationEvent.Started.class, VerificationEvent.CodeChecked.class, VerificationEvent.Failed.class,
                    VerificationEvent.Started.class, VerificationEvent.Cancelled.class);
        }

        @Test
        void refusedCommandsEmitNothing() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCancel(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY))
                    .onAdvance(new AdvanceOutcome.NoStepsLeft());
            assertThatThrownBy(() -> service.cancel(flow.id())).isInstanceOf(CancelNotPermittedException.class);
            assertThatThrownBy(() -> service.next(flow.id())).isInstanceOf(NoNextStepException.class);

            assertThat(listener.kinds()).containsExactly(VerificationEvent.Started.class);
        }

        @Test
        void aThrowingListenerDoesNotBreakTheCommandOrOtherListeners() {
            service.addListener(event -> {
                throw new IllegalStateException("audit log is down");
            });
            RecordingListener after = new RecordingListener();
            service.addListener(after);

            VerificationFlow flow = service.start(NUMBER);
            CheckResult result = service.check(flow.id(), CODE);

            assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
            assertThat(stored(flow.id()).state()).isEqualTo(FlowState.VERIFIED);
            assertThat(after.kinds()).containsExactly(VerificationEvent.Started.class,
                    VerificationEvent.CodeChecked.class, VerificationEvent.Verified.class);
        }

        @Test
        void aRemovedListenerHearsNothingMore() {
            service.removeListener(listener);

            service.start(NUMBER);

            assertThat(listener.events()).isEmpty();
        }
    }
}
