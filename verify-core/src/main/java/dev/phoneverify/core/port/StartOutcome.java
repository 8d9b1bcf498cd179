package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * What the provider answered to a start: the expected answers of {@link VerificationGateway#start}. Consumers
 * handle every case through {@link #accept}, so a new case is a compile error wherever one is left out.
 */
public sealed interface StartOutcome {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R started(Started started);

        R rejected(Rejected rejected);

        R concurrentVerification(ConcurrentVerification concurrent);
    }

    /**
     * The first code is on its way.
     *
     * @param requestEndsAt when the provider's request will end if nobody acts (after its last delivery step)
     */
    record Started(RequestId requestId, Channel channel, Instant requestEndsAt) implements StartOutcome {
        public Started {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(requestEndsAt, "requestEndsAt");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.started(this);
        }
    }

    /** The provider refuses to send to this number; retrying will not help. */
    record Rejected(RejectionReason reason) implements StartOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rejected(this);
        }
    }

    /** The number already has a request in flight; the provider named it. */
    record ConcurrentVerification(RequestId inFlight) implements StartOutcome {
        public ConcurrentVerification {
            Objects.requireNonNull(inFlight, "inFlight");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.concurrentVerification(this);
        }
    }

    /** Why the provider refused a number. */
    enum RejectionReason {
        /** The provider says the number is not a valid number (Vonage v1 3, v2 422 on {@code to}). */
        INVALID_NUMBER,
        /** The number is blocked, for example by anti-fraud rules (Vonage v1 7). */
        BARRED,
        /** The number's network is not served (Vonage v1 15). */
        UNSUPPORTED_NETWORK,
        /** The account may not send to this number, for example a demo account (Vonage v1 29). */
        DESTINATION_NOT_PERMITTED
    }
}
