package dev.phoneverify.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.usecase.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every refusal's problem, as a caller reads it: status, type, the members it adds and the words, which are the
 * ones the API gave when refusals were exceptions.
 */
class RefusalProblemsTest {
    private static final Instant NOW = Instant.parse("2031-05-04T10:15:30Z");
    private static final RefusalProblems V1_LIKE = new RefusalProblems(
            new CancelConstraints(true, Duration.ofSeconds(30), true));

    private static VerificationFlow pending() {
        return VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900123"), new RequestId("req-1"),
                Channel.SMS, NOW, NOW.plusSeconds(600), VerificationPolicy.defaults());
    }

    @Test
    void anUnknownFlowIs404NotFound() {
        Problem problem = new Refusal.FlowNotFound(FlowId.random()).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.type()).isEqualTo("/problems/not-found");
        assertThat(problem.detail()).isEqualTo("no verification has this id");
    }

    @Test
    void aFinishedFlowIs409FinishedNamingItsState() {
        Problem problem = new Refusal.FlowFinished(pending().ended(EndReason.CANCELLED_ON_REQUEST, NOW))
                .accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("/problems/finished");
        assertThat(problem.detail()).isEqualTo("the verification has already ended: it is CANCELLED");
        assertThat(problem.body()).containsEntry("state", "CANCELLED");
    }

    @Test
    void aRateLimitIs429ThrottledWithTheLimitAndWholeSecondsRoundedUp() {
        Problem problem = new Refusal.RateLimited(Refusal.Limit.PER_NUMBER, NOW.plusMillis(29_200),
                Duration.ofMillis(29_200)).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(429);
        assertThat(problem.type()).isEqualTo("/problems/throttled");
        assertThat(problem.detail())
                .isEqualTo("too many codes were sent to this number recently; try again in 30 seconds");
        assertThat(problem.body()).containsEntry("limit", "PER_NUMBER");
        assertThat(problem.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(Refusal.Limit.class)
    void everyLimitIsExplainedWithItsWait(Refusal.Limit limit) {
        Problem problem = new Refusal.RateLimited(limit, NOW.plusSeconds(60), Duration.ofSeconds(60)).accept(V1_LIKE);

        assertThat(problem.detail()).endsWith("; try again in 60 seconds").hasSizeGreaterThan(40);
        assertThat(problem.body()).containsEntry("limit", limit.name());
    }

    @Test
    void aConcurrentVerificationIs409() {
        Problem problem = new Refusal.ConcurrentVerification().accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("/problems/concurrent-verification");
    }

    @Test
    void aCancelTooEarlyNamesTheGatewaysWait() {
        Problem problem = new Refusal.CancelNotPermitted(CancelOutcome.Reason.TOO_EARLY).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("/problems/cancel-not-permitted");
        assertThat(problem.detail()).isEqualTo("a verification can be cancelled only from 30 seconds after it started");
        assertThat(new Refusal.CancelNotPermitted(CancelOutcome.Reason.TOO_EARLY)
                .accept(new RefusalProblems(CancelConstraints.anyTime())).detail())
                .isEqualTo("a verification cannot be cancelled this soon after it started");
    }

    @Test
    void theOtherCancelRefusalsKeepTheirWords() {
        assertThat(new Refusal.CancelNotPermitted(CancelOutcome.Reason.TOO_LATE).accept(V1_LIKE).detail())
                .isEqualTo("a verification cannot be cancelled once the code was re-sent");
        assertThat(new Refusal.CancelNotPermitted(CancelOutcome.Reason.UNSPECIFIED).accept(V1_LIKE).detail())
                .isEqualTo("the provider does not allow cancelling this verification now");
    }

    @Test
    void noNextStepIs409() {
        Problem problem = new Refusal.NoNextStep(pending()).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo("/problems/no-next-step");
    }

    @ParameterizedTest
    @EnumSource(StartOutcome.RejectionReason.class)
    void aRejectedNumberIs422NumberRejected(StartOutcome.RejectionReason reason) {
        Problem problem = new Refusal.NumberRejected(reason).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("/problems/number-rejected");
        assertThat(problem.detail()).isNotBlank();
    }

    @Test
    void aBarredNumberSaysSo() {
        assertThat(new Refusal.NumberRejected(StartOutcome.RejectionReason.BARRED).accept(V1_LIKE).detail())
                .isEqualTo("this number is barred from receiving verification codes");
    }

    @ParameterizedTest
    @EnumSource(Refusal.Capability.class)
    void somethingTheGatewayCannotDoIs422UnsupportedNamingTheCapability(Refusal.Capability capability) {
        Problem problem = new Refusal.Unsupported(capability).accept(V1_LIKE);

        assertThat(problem.status()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo("/problems/unsupported");
        assertThat(problem.body()).containsEntry("capability", capability.name());
        assertThat(problem.detail()).startsWith("the verification provider ");
        assertThat(problem.retryAfter()).isEqualTo(Optional.empty());
    }
}
