package dev.phoneverify.core.port;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the provider answered to a code check: the expected answers of {@link VerificationGateway#check}.
 * Consumers handle every case through {@link #accept}.
 */
public sealed interface CheckOutcome {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R correct(Correct correct);

        R wrongCode(WrongCode wrong);

        R tooManyAttempts(TooManyAttempts tooMany);

        R notFound(NotFound notFound);
    }

    /** The code was right; the request is complete. */
    record Correct() implements CheckOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.correct(this);
        }
    }

    /**
     * The code was wrong and the request goes on.
     *
     * @param attemptsRemaining what the provider says is left, when it says (Vonage does not)
     */
    record WrongCode(OptionalInt attemptsRemaining) implements CheckOutcome {
        public WrongCode {
            Objects.requireNonNull(attemptsRemaining, "attemptsRemaining");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrongCode(this);
        }
    }

    /** The code was wrong once too often; the provider ended the request (Vonage v1 17, v2 410). */
    record TooManyAttempts() implements CheckOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.tooManyAttempts(this);
        }
    }

    /** The provider does not know the request, or it is no longer active (Vonage v1 6, v2 404). */
    record NotFound() implements CheckOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notFound(this);
        }
    }
}
