package dev.phoneverify.core.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules the use cases' answers keep by themselves: refusals, pushed-update results and events. */
class ResultValuesTest {
    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private static VerificationFlow pending() {
        return VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900000"), new RequestId("req-1"),
                Channel.SMS, T0, T0.plusSeconds(600), VerificationPolicy.defaults());
    }

    @ParameterizedTest(name = "{0} ms -> {1} s")
    @CsvSource({"30000, 30", "29001, 30", "1, 1", "0, 1", "600000, 600"})
    void aRateLimitSaysHowManyWholeSecondsToWaitRoundedUpAndAtLeastOne(long millis, long seconds) {
        Duration wait = Duration.ofMillis(millis);

        Refusal.RateLimited limited = new Refusal.RateLimited(Refusal.Limit.PER_NUMBER, T0.plus(wait), wait);

        assertThat(limited.retryAfterSeconds()).isEqualTo(seconds);
    }

    @Test
    void aPendingFlowCannotBeRefusedAsFinished() {
        assertThatThrownBy(() -> new Refusal.FlowFinished(pending()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a pending flow has not finished");
    }

    @Test
    void onlyAnUnknownRequestComesWithoutAFlow() {
        assertThatThrownBy(() -> new UpdateResult(UpdateResult.Outcome.UNKNOWN_REQUEST, Optional.of(pending())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpdateResult(UpdateResult.Outcome.APPLIED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpdateResult(UpdateResult.Outcome.UNCHANGED, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(EndReason.CODE_VERIFIED, VerificationEvent.Kind.VERIFIED),
                Arguments.of(EndReason.BLOCKED_BY_PROVIDER, VerificationEvent.Kind.FAILED),
                Arguments.of(EndReason.UNKNOWN_TO_PROVIDER, VerificationEvent.Kind.EXPIRED),
                Arguments.of(EndReason.CANCELLED_AT_PROVIDER, VerificationEvent.Kind.CANCELLED));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("endings")
    void anEndedFlowsEventIsNamedForItsState(EndReason reason, VerificationEvent.Kind kind) {
        VerificationFlow ended = pending().ended(reason, T0.plusSeconds(5));

        VerificationEvent event = VerificationEvent.ended(ended, T0.plusSeconds(5));

        assertThat(event).isEqualTo(new VerificationEvent(kind, ended, T0.plusSeconds(5)));
    }

    @ParameterizedTest
    @EnumSource(EndReason.class)
    void everyEndReasonHasAnEndedEvent(EndReason reason) {
        VerificationFlow ended = pending().ended(reason, T0);

        assertThat(VerificationEvent.ended(ended, T0).kind().name()).isEqualTo(ended.state().name());
    }

    @Test
    void aPendingFlowHasNoEndedEvent() {
        assertThatThrownBy(() -> VerificationEvent.ended(pending(), T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(pending().state()).isEqualTo(FlowState.PENDING);
    }
}
