package dev.phoneverify.core.port;

import java.util.OptionalInt;

/** What the provider answered to a code check: the expected answers of {@link VerificationGateway#check}. */
public sealed interface CheckOutcome {

    /** The code was right; the request is complete. */
    record Correct() implements CheckOutcome {
    }

    /**
     * The code was wrong and the request goes on.
     *
     * @param attemptsRemaining what the provider says is left, when it says (Vonage does not)
     */
    record WrongCode(OptionalInt attemptsRemaining) implements CheckOutcome {
        public WrongCode {
            java.util.Objects.requireNonNull(attemptsRemaining, "attemptsRemaining");
        }
    }

    /** The code was wrong once too often; the provider ended the request (Vonage 17). */
    record TooManyAttempts() implements CheckOutcome {
    }

    /** The provider does not know the request, or it is no longer active (Vonage 6). */
    record NotFound() implements CheckOutcome {
    }
}
