package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationFlowTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final VerificationPolicy POLICY = VerificationPolicy.defaults();
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final RequestId REQUEST = new RequestId("req-1");

    private static VerificationFlow started() {
        return VerificationFlow.started(FlowId.random(), NUMBER, REQUEST, Channel.SMS, T0,
                T0.plusSeconds(605), POLICY);
    }

    @Test
    void aStartedFlowIsPendingWithTheWholePolicyOfAttempts() {
        VerificationFlow flow = started();

        assertThat(flow.state()).isEqualTo(FlowState.PENDING);
        assertThat(flow.channel()).isEqualTo(Channel.SMS);
        assertThat(flow.wrongAttempts()).isZero();
        assertThat(flow.attemptsRemaining()).isEqualTo(3);
        assertThat(flow.createdAt()).isEqualTo(T0);
        assertThat(flow.updatedAt()).isEqualTo(T0);
        assertThat(flow.stepStartedAt()).isEqualTo(T0);
        assertThat(flow.endReason()).isEmpty();
        assertThat(flow.version()).isZero();
        assertThat(flow.isTerminal()).isFalse();
    }

    @Test
    void expiryAtStartIsTheProvidersRequestEndWhenItComesFirst() {
        VerificationFlow flow = VerificationFlow.started(FlowId.random(), NUMBER, REQUEST, Channel.SMS, T0,
                T0.plusSeconds(300), POLICY);

        assertThat(flow.expiresAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void expiryAtStartIsCappedByThePolicyLifetime() {
        VerificationFlow flow = VerificationFlow.started(FlowId.random(), NUMBER, REQUEST, Channel.SMS, T0,
                T0.plusSeconds(605), POLICY);

        assertThat(flow.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void expiryAtAdvanceFollowsTheProviderButStaysCappedFromTheStart() {
        VerificationPolicy longPolicy = POLICY.withMaxLifetime(Duration.ofMinutes(30));
        VerificationFlow flow = VerificationFlow.started(FlowId.random(), NUMBER, REQUEST, Channel.SMS, T0,
                T0.plusSeconds(605), longPolicy);

        VerificationFlow extended = flow.advanced(Channel.VOICE, T0.plusSeconds(900), T0.plusSeconds(60), longPolicy);
        VerificationFlow capped = extended.advanced(Channel.VOICE, T0.plusSeconds(3000), T0.plusSeconds(120), longPolicy);

        assertThat(extended.expiresAt()).isEqualTo(T0.plusSeconds(900));
        assertThat(capped.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void isDueToExpireFromTheExpiryInstantOnAndOnlyWhilePending() {
        VerificationFlow flow = started();
        Instant expiry = flow.expiresAt();

        assertThat(flow.isDueToExpire(expiry.minusMillis(1))).isFalse();
        assertThat(flow.isDueToExpire(expiry)).isTrue();
        assertThat(flow.ended(EndReason.CODE_VERIFIED, T0).isDueToExpire(expiry.plusSeconds(1))).isFalse();
    }

    @Test
    void aCorrectCodeVerifies() {
        VerificationFlow flow = started().ended(EndReason.CODE_VERIFIED, T0.plusSeconds(10));

        assertThat(flow.state()).isEqualTo(FlowState.VERIFIED);
        assertThat(flow.endReason()).contains(EndReason.CODE_VERIFIED);
        assertThat(flow.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(flow.version()).isEqualTo(1);
        assertThat(flow.isTerminal()).isTrue();
    }

    @Test
    void aWrongCodeCountsAnAttemptAndStaysPending() {
        VerificationFlow flow = started().wrongCode(T0.plusSeconds(5), OptionalInt.empty(), POLICY);

        assertThat(flow.state()).isEqualTo(FlowState.PENDING);
        assertThat(flow.endReason()).isEmpty();
        assertThat(flow.wrongAttempts()).isEqualTo(1);
        assertThat(flow.attemptsRemaining()).isEqualTo(2);
        assertThat(flow.version()).isEqualTo(1);
    }

    @Test
    void wrongCodeThreeTimesFailsTheFlow() {
        VerificationFlow flow = started();
        for (int i = 0; i < 3; i++) {
            flow = flow.wrongCode(T0, OptionalInt.empty(), POLICY);
        }

        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
        assertThat(flow.endReason()).contains(EndReason.TOO_MANY_WRONG_CODES);
        assertThat(flow.wrongAttempts()).isEqualTo(3);
        assertThat(flow.attemptsRemaining()).isZero();
        assertThat(flow.version()).isEqualTo(3);
    }

    @Test
    void attemptsRemainingIsTheLowerOfPolicyAndProvider() {
        VerificationFlow providerLower = started().wrongCode(T0, OptionalInt.of(1), POLICY);
        VerificationFlow policyLower = started().wrongCode(T0, OptionalInt.of(9), POLICY);

        assertThat(providerLower.attemptsRemaining()).isEqualTo(1);
        assertThat(policyLower.attemptsRemaining()).isEqualTo(2);
    }

    @Test
    void theProviderSayingNoAttemptsRemainFailsTheFlowEarly() {
        VerificationFlow flow = started().wrongCode(T0, OptionalInt.of(0), POLICY);

        assertThat(flow.state()).isEqualTo(FlowState.FAILED);
        assertThat(flow.endReason()).contains(EndReason.TOO_MANY_WRONG_CODES);
        assertThat(flow.wrongAttempts()).isEqualTo(1);
        assertThat(flow.attemptsRemaining()).isZero();
    }

    @Test
    void failedByTheProviderCountsTheAttemptOnlyWhenAWrongCodeCausedIt() {
        assertThat(started().failedOnWrongCode(T0).wrongAttempts()).isEqualTo(1);
        assertThat(started().ended(EndReason.FAILED_AT_PROVIDER, T0).wrongAttempts()).isZero();
        assertThat(started().failedOnWrongCode(T0).state()).isEqualTo(FlowState.FAILED);
        assertThat(started().failedOnWrongCode(T0).endReason()).contains(EndReason.TOO_MANY_WRONG_CODES);
        assertThat(started().failedOnWrongCode(T0).attemptsRemaining()).isZero();
        assertThat(started().ended(EndReason.FAILED_AT_PROVIDER, T0).attemptsRemaining()).isZero();
    }

    @Test
    void expiresAndCancels() {
        assertThat(started().ended(EndReason.TIMED_OUT, T0).state()).isEqualTo(FlowState.EXPIRED);
        assertThat(started().ended(EndReason.CANCELLED_ON_REQUEST, T0).state()).isEqualTo(FlowState.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(EndReason.class)
    void endingForAReasonReachesThatReasonsStateAndKeepsTheReason(EndReason reason) {
        VerificationFlow wrongOnce = started().wrongCode(T0.plusSeconds(1), OptionalInt.empty(), POLICY);

        VerificationFlow ended = wrongOnce.ended(reason, T0.plusSeconds(2));

        assertThat(ended.state()).isEqualTo(reason.state());
        assertThat(ended.isTerminal()).isTrue();
        assertThat(ended.endReason()).contains(reason);
        assertThat(ended.wrongAttempts()).isEqualTo(1);
        assertThat(ended.attemptsRemaining()).isEqualTo(reason.state() == FlowState.FAILED ? 0 : 2);
        assertThat(ended.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(ended.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(EndReason.class)
    void everyEndReasonBelongsToATerminalState(EndReason reason) {
        assertThat(reason.state().isTerminal()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = FlowState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void aFinishedFlowWithoutAnEndReasonIsRefused(FlowState terminal) {
        assertThatThrownBy(() -> withStateAndReason(terminal, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a flow has an end reason exactly when it has ended");
    }

    @ParameterizedTest
    @EnumSource(EndReason.class)
    void aPendingFlowWithAnEndReasonIsRefused(EndReason reason) {
        assertThatThrownBy(() -> withStateAndReason(FlowState.PENDING, Optional.of(reason)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a flow has an end reason exactly when it has ended");
    }

    @Test
    void anEndReasonOfAnotherStateIsRefused() {
        for (EndReason reason : EndReason.values()) {
            for (FlowState state : FlowState.values()) {
                if (state.isTerminal() && state != reason.state()) {
                    assertThatThrownBy(() -> withStateAndReason(state, Optional.of(reason)))
                            .as("%s with %s", state, reason)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("it matches its state: " + state);
                }
            }
        }
    }

    @Test
    void advancingChangesTheChannelAndStaysPending() {
        VerificationFlow flow = started().advanced(Channel.VOICE, T0.plusSeconds(300), T0.plusSeconds(30), POLICY);

        assertThat(flow.state()).isEqualTo(FlowState.PENDING);
        assertThat(flow.channel()).isEqualTo(Channel.VOICE);
        assertThat(flow.updatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(flow.stepStartedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(flow.version()).isEqualTo(1);
    }

    @Test
    void aStepTheProviderStartedChangesTheChannelFromWhenItStartedAndKeepsTheExpiry() {
        VerificationFlow flow = started();

        VerificationFlow onVoice = flow.stepStarted(Channel.VOICE, T0.plusSeconds(120), T0.plusSeconds(121));

        assertThat(onVoice.state()).isEqualTo(FlowState.PENDING);
        assertThat(onVoice.channel()).isEqualTo(Channel.VOICE);
        assertThat(onVoice.stepStartedAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(onVoice.updatedAt()).isEqualTo(T0.plusSeconds(121));
        assertThat(onVoice.expiresAt()).isEqualTo(flow.expiresAt());
        assertThat(onVoice.version()).isEqualTo(1);
        assertThat(onVoice.endReason()).isEmpty();
    }

    @Test
    void transitionsKeepIdentityAndStartTime() {
        VerificationFlow start = started();
        VerificationFlow after = start.wrongCode(T0.plusSeconds(1), OptionalInt.empty(), POLICY)
                .advanced(Channel.VOICE, T0.plusSeconds(400), T0.plusSeconds(2), POLICY)
                .ended(EndReason.CODE_VERIFIED, T0.plusSeconds(3));

        assertThat(after.id()).isEqualTo(start.id());
        assertThat(after.number()).isEqualTo(NUMBER);
        assertThat(after.requestId()).isEqualTo(REQUEST);
        assertThat(after.createdAt()).isEqualTo(T0);
        assertThat(after.version()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = FlowState.class, names = "PENDING", mode = EnumSource.Mode.EXCLUDE)
    void everyMoveFromAFinishedFlowIsRefusedNamingTheState(FlowState terminal) {
        VerificationFlow finished = inState(terminal);
        List<UnaryOperator<VerificationFlow>> moves = List.of(
                flow -> flow.ended(EndReason.CODE_VERIFIED, T0),
                flow -> flow.wrongCode(T0, OptionalInt.empty(), POLICY),
                flow -> flow.failedOnWrongCode(T0),
                flow -> flow.ended(EndReason.FAILED_AT_PROVIDER, T0),
                flow -> flow.ended(EndReason.TIMED_OUT, T0),
                flow -> flow.ended(EndReason.CANCELLED_ON_REQUEST, T0),
                flow -> flow.advanced(Channel.VOICE, T0.plusSeconds(60), T0, POLICY),
                flow -> flow.stepStarted(Channel.VOICE, T0.plusSeconds(60), T0));

        for (UnaryOperator<VerificationFlow> move : moves) {
            assertThatThrownBy(() -> move.apply(finished))
                    .isInstanceOfSatisfying(IllegalTransitionException.class,
                            e -> assertThat(e.state()).isEqualTo(terminal))
                    .hasMessageEndingWith("the verification is " + terminal);
        }
    }

    @Test
    void theRefusalSaysWhichMoveWasTried() {
        assertThatThrownBy(() -> started().ended(EndReason.CODE_VERIFIED, T0)
                .advanced(Channel.VOICE, T0.plusSeconds(60), T0, POLICY))
                .hasMessage("cannot move to the next step: the verification is VERIFIED");
    }

    @Test
    void negativeAttemptCountsAreRefused() {
        VerificationFlow flow = started();

        assertThatThrownBy(() -> new VerificationFlow(flow.id(), NUMBER, REQUEST, FlowState.PENDING, Channel.SMS,
                -1, 3, T0, T0, T0, T0, Optional.empty(), 0)).hasMessage("attempt counts cannot be negative");
    }

    private static VerificationFlow withStateAndReason(FlowState state, Optional<EndReason> reason) {
        return new VerificationFlow(FlowId.random(), NUMBER, REQUEST, state, Channel.SMS, 0, 3, T0, T0, T0,
                T0.plusSeconds(600), reason, 0);
    }

    private static VerificationFlow inState(FlowState state) {
        VerificationFlow flow = started();
        return switch (state) {
            case VERIFIED -> flow.ended(EndReason.CODE_VERIFIED, T0);
            case FAILED -> flow.failedOnWrongCode(T0);
            case EXPIRED -> flow.ended(EndReason.TIMED_OUT, T0);
            case CANCELLED -> flow.ended(EndReason.CANCELLED_ON_REQUEST, T0);
            case PENDING -> flow;
        };
    }
}
