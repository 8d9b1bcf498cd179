package dev.phoneverify.api;

import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.usecase.Refusal;
import java.time.Duration;
import java.util.Objects;

/**
 * The problem the API answers for each refusal of the core, and the words the form shows for it: one method per
 * refusal and a switch with no {@code default} per reason, so a new refusal or reason is a compile error here. The
 * core words nothing; every sentence a user reads about a refusal is in this class.
 */
public final class RefusalProblems implements Refusal.Visitor<Problem> {
    private final CancelConstraints cancel;

    /** @param cancel when the gateway lets a verification be cancelled, so a "too early" names the wait */
    public RefusalProblems(CancelConstraints cancel) {
        this.cancel = Objects.requireNonNull(cancel, "cancel");
    }

    @Override
    public Problem flowNotFound(Refusal.FlowNotFound refusal) {
        return Problems.notFound("no verification has this id");
    }

    @Override
    public Problem flowFinished(Refusal.FlowFinished refusal) {
        String state = refusal.flow().state().name();
        return new Problem(409, "finished", "Verification finished",
                "the verification has already ended: it is " + state).with("state", state);
    }

    @Override
    public Problem rateLimited(Refusal.RateLimited refusal) {
        long seconds = refusal.retryAfterSeconds();
        return new Problem(429, "throttled", "Too many requests",
                limitExplanation(refusal.limit()) + "; try again in " + seconds + " seconds")
                .with("limit", refusal.limit().name()).retryAfter(Duration.ofSeconds(seconds));
    }

    @Override
    public Problem concurrentVerification(Refusal.ConcurrentVerification refusal) {
        return new Problem(409, "concurrent-verification", "Verification already in progress",
                "this number already has a verification in progress; finish it or wait until it expires");
    }

    @Override
    public Problem cancelNotPermitted(Refusal.CancelNotPermitted refusal) {
        return new Problem(409, "cancel-not-permitted", "Cancel not permitted now", cancelExplanation(refusal.reason()));
    }

    @Override
    public Problem noNextStep(Refusal.NoNextStep refusal) {
        return new Problem(409, "no-next-step", "No next delivery step",
                "the last delivery step has already been used; wait for the code or start again later");
    }

    @Override
    public Problem numberRejected(Refusal.NumberRejected refusal) {
        return new Problem(422, "number-rejected", "Number rejected", rejectionExplanation(refusal.reason()));
    }

    @Override
    public Problem unsupported(Refusal.Unsupported refusal) {
        return new Problem(422, "unsupported", "Not supported by the provider",
                unsupportedExplanation(refusal.capability())).with("capability", refusal.capability().name());
    }

    @Override
    public Problem idempotencyKeyConflict(Refusal.IdempotencyKeyConflict refusal) {
        return switch (refusal.conflict()) {
            case REUSED -> new Problem(422, "idempotency-key-reused", "Idempotency key reused",
                    "this Idempotency-Key was already used for a different request; use a new key for a new request");
            case IN_PROGRESS -> new Problem(409, "idempotency-key-in-progress", "Request with this key in progress",
                    "a request with this Idempotency-Key is still being processed; retry it shortly")
                    .retryAfter(Duration.ofSeconds(1));
        };
    }

    private static String limitExplanation(Refusal.Limit limit) {
        return switch (limit) {
            case PER_NUMBER -> "too many codes were sent to this number recently";
            case PER_CLIENT -> "too many verifications were started from here recently";
            case PER_CALLING_CODE -> "too many verifications were started for numbers of this country recently";
            case RESEND_COOLDOWN -> "a code was sent to this number moments ago";
            case FAILED_CHECK_DELAY -> "a verification of this number failed recently";
        };
    }

    private String cancelExplanation(CancelOutcome.Reason reason) {
        return switch (reason) {
            case TOO_EARLY -> cancel.notBeforeAge().isZero()
                    ? "a verification cannot be cancelled this soon after it started"
                    : "a verification can be cancelled only from " + cancel.notBeforeAge().toSeconds()
                            + " seconds after it started";
            case TOO_LATE -> "a verification cannot be cancelled once the code was re-sent";
            case UNSPECIFIED -> "the provider does not allow cancelling this verification now";
        };
    }

    private static String rejectionExplanation(StartOutcome.RejectionReason reason) {
        return switch (reason) {
            case INVALID_NUMBER -> "the provider says this is not a valid phone number";
            case BARRED -> "this number is barred from receiving verification codes";
            case UNSUPPORTED_NETWORK -> "the provider does not deliver to this number's network";
            case DESTINATION_NOT_PERMITTED -> "this account may not send verification codes to this number";
        };
    }

    private static String unsupportedExplanation(Refusal.Capability capability) {
        return switch (capability) {
            case CHANNEL -> "the verification provider cannot send codes on a channel this verification asks for";
            case WORKFLOW -> "the verification provider cannot run the delivery steps this verification asks for";
            case STEP_TIMEOUT -> "the verification provider cannot time the delivery steps as asked";
            case CODE_LENGTH -> "the verification provider cannot send codes of the configured length";
            case CUSTOM_CODE -> "the verification provider cannot send a code chosen here";
            case CLIENT_REFERENCE -> "the verification provider cannot carry a client reference";
            case CANCEL -> "the verification provider does not let a verification be cancelled";
            case NEXT_STEP -> "the verification provider cannot move a verification to another delivery step";
        };
    }
}
