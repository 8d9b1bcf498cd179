package dev.phoneverify.core.port;

import java.util.Objects;

/**
 * What the provider answered to a cancel: the expected answers of {@link VerificationGateway#cancel}. Consumers
 * handle every case through {@link #accept}.
 */
public sealed interface CancelOutcome {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R cancelled(Cancelled cancelled);

        R notPermitted(NotPermitted refused);

        R notFound(NotFound notFound);
    }

    /** The request is cancelled; a correct code no longer completes it. */
    record Cancelled() implements CancelOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancelled(this);
        }
    }

    /** The provider refuses to cancel now; the request goes on. */
    record NotPermitted(Reason reason) implements CancelOutcome {
        public NotPermitted {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notPermitted(this);
        }
    }

    /** The provider does not know the request, or it is no longer active. */
    record NotFound() implements CancelOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notFound(this);
        }
    }

    /** Why a cancel was refused. */
    enum Reason {
        /** Too soon after the start (Vonage v1: the first 30 seconds). */
        TOO_EARLY,
        /** The second delivery step already happened. */
        TOO_LATE,
        /** The provider refused without saying which (Vonage v1 sends both as 19). */
        UNSPECIFIED
    }
}
