package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;

/**
 * What a code check did: the flow after it, and how the check went.
 */
public record CheckResult(VerificationFlow flow, Outcome outcome) {

    /** How a check went, in the user's terms. */
    public enum Outcome {
        /** The code was right; the flow is verified. */
        CORRECT,
        /** The code was wrong; the flow goes on with fewer attempts left. */
        WRONG_CODE,
        /** The code was wrong once too often; the flow failed. */
        TOO_MANY_ATTEMPTS,
        /** The provider no longer had the request; the flow ended without a verdict on the code. */
        EXPIRED
    }

    public CheckResult {
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(outcome, "outcome");
    }
}
