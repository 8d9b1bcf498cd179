package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/** What the provider answered to a start: the expected answers of {@link VerificationGateway#start}. */
public sealed interface StartOutcome {

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
    }

    /**
     * The provider refuses to send to this number; retrying will not help.
     *
     * @param detail a human-readable explanation, never shown as a status number
     */
    record Rejected(RejectionReason reason, String detail) implements StartOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The number already has a request in flight; the provider named it. */
    record ConcurrentVerification(RequestId inFlight) implements StartOutcome {
        public ConcurrentVerification {
            Objects.requireNonNull(inFlight, "inFlight");
        }
    }

    /** Why the provider refused a number. */
    enum RejectionReason {
        /** The provider says the number is not a valid number (Vonage 3). */
        INVALID_NUMBER,
        /** The number is blocked, for example by anti-fraud rules (Vonage 7). */
        BARRED,
        /** The number's network is not served (Vonage 15). */
        UNSUPPORTED_NETWORK,
        /** The account may not send to this number, for example a demo account (Vonage 29). */
        DESTINATION_NOT_PERMITTED
    }
}
