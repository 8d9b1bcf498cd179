package dev.phoneverify.core.port;

import java.util.Objects;

/** What the provider answered to a cancel: the expected answers of {@link VerificationGateway#cancel}. */
public sealed interface CancelOutcome {

    /** The request is cancelled; a correct code no longer completes it. */
    record Cancelled() implements CancelOutcome {
    }

    /** The provider refuses to cancel now; the request goes on. */
    record NotPermitted(Reason reason) implements CancelOutcome {
        public NotPermitted {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The provider does not know the request, or it is no longer active. */
    record NotFound() implements CancelOutcome {
    }

    /** Why a cancel was refused. */
    enum Reason {
        /** Less than 30 seconds since the start. */
        TOO_EARLY,
        /** The second delivery step already happened. */
        TOO_LATE,
        /** The provider refused without saying which (Vonage sends both as 19). */
        UNSPECIFIED;

        /** A sentence a user can read. */
        public String explanation() {
            switch (this) {
                case TOO_EARLY:
                    return "a verification can be cancelled only from 30 seconds after it started";
                case TOO_LATE:
                    return "a verification cannot be cancelled once the code was re-sent";
                default:
                    return "the provider does not allow cancelling this verification now";
            }
        }
    }
}
