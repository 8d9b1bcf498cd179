package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;
import java.util.Optional;

/**
 * What applying a provider's update did. None of the outcomes is an error: a provider that retries an update, or
 * sends one late, gets the same calm answer.
 *
 * @param flow the flow after the update; empty when no flow has the update's request
 */
public record UpdateResult(Outcome outcome, Optional<VerificationFlow> flow) {
    public UpdateResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(flow, "flow");
        if ((outcome == Outcome.UNKNOWN_REQUEST) != flow.isEmpty()) {
            throw new IllegalArgumentException("only an unknown request has no flow");
        }
    }

    /** How the update was taken. */
    public enum Outcome {
        /** The flow changed. */
        APPLIED,
        /** A duplicate, late or out-of-order update, or one that moves nothing: the flow stays as it was. */
        UNCHANGED,
        /** No flow has this request (never started here, or purged after its retention). */
        UNKNOWN_REQUEST
    }
}
