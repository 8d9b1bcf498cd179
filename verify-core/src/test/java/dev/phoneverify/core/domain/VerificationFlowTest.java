package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        assertThat(flow.verified(T0).isDueToExpire(expiry.plusSeconds(1))).isFalse();
    }

    @Test
    void aCorrectCodeVerifies() {
        VerificationFlow flow = started().verified(T0.plusSeconds(10));

        assertThat(flow.state()).isEqualTo(FlowState.VERIFIED);
        assertThat(flow.updatedAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(flow.version()).isEqualTo(1);
        assertThat(flow.isTerminal()).isTrue();
    }

    @Test
    void aWrongCodeCountsAnAttemptAndStaysPending() {
        VerificationFlow flow = started().wrongCode(T0.plusSeconds(5), OptionalInt.empty(), POLICY);

        assertThat(flow.state()).isEqualTo(FlowState.PENDING);
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
        assertThat(flow.wrongAttempts()).isEqualTo(1);
        assertThat(flow.attemptsRemaining()).isZero();
    }

    @Test
    void failedByTheProviderCountsTheAttemptOnlyWhenAsked() {
        assertThat(started().failed(T0, true).wrongAttempts()).isEqualTo(1);
        assertThat(started().failed(T0, false).wrongAttempts()).isZero();
        assertThat(started().failed(T0, true).state()).isEqualTo(FlowState.FAILED);
        assertThat(started().failed(T0, true).attemptsRemaining()).isZero();
    }

    @Test
    void expiresAndCancels() {
        assertThat(started().expired(T0).state()).isEqualTo(FlowState.EXPIRED);
        assertThat(started().cancelled(T0).state()).isEqualTo(FlowState.CANCELLED);
    }

    @Test
    void advancingChangesTheChannelAndStaysPending() {
        VerificationFlow flow = started().advanced(Channel.VOICE, T0.plusSeconds(300), T0.plusSeconds(30), POLICY);

        assertThat(flow.state()).isEqualTo(FlowState.PENDING);
        assertThat(flow.channel()).isEqualTo(Channel.VOICE);
        assertThat(flow.updatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(flow.version()).isEqualTo(1);
    }

    @Test
    void transitionsKeepIdentityAndStartTime() {
        VerificationFlow start = started();
        VerificationFlow after = start.wrongCode(T0.plusSeconds(1), OptionalInt.empty(), POLICY)
                .advanced(Channel.VOICE, T0.plusSeconds(400), T0.plusSeconds(2), POLICY)
                .verified(T0.plusSeconds(3));

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
                flow -> flow.verified(T0),
                flow -> flow.wrongCode(T0, OptionalInt.empty(), POLICY),
                flow -> flow.failed(T0, true),
                flow -> flow.expired(T0),
                flow -> flow.cancelled(T0),
                flow -> flow.advanced(Channel.VOICE, T0.plusSeconds(60), T0, POLICY));

        for (UnaryOperator<VerificationFlow> move : moves) {
            assertThatThrownBy(() -> move.apply(finished))
                    .isInstanceOfSatisfying(IllegalTransitionException.class,
                            e -> assertThat(e.state()).isEqualTo(terminal))
                    .hasMessageEndingWith("the verification is " + terminal);
        }
    }

    @Test
    void theRefusalSaysWhichMoveWasTried() {
        assertThatThrownBy(() -> started().verified(T0).cancelled(T0))
                .hasMessage("cannot cancel: the verification is VERIFIED");
    }

    @Test
    void negativeAttemptCountsAreRefused() {
        VerificationFlow flow = started();

        assertThatThrownBy(() -> new VerificationFlow(flow.id(), NUMBER, REQUEST, FlowState.PENDING, Channel.SMS,
                -1, 3, T0, T0, T0, 0)).hasMessage("attempt counts cannot be negative");
    }

    private static VerificationFlow inState(FlowState state) {
        VerificationFlow flow = started();
        switch (state) {
            case VERIFIED:
                return flow.verified(T0);
            case FAILED:
                return flow.failed(T0, true);
            case EXPIRED:
                return flow.expired(T0);
            case CANCELLED:
                return flow.cancelled(T0);
            default:
                return flow;
        }
    }
}
