package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Channel;
import java.time.Instant;
import java.util.Objects;

/** What the provider answered to "next step": the expected answers of {@link VerificationGateway#advance}. */
public sealed interface AdvanceOutcome {

    /**
     * Delivery moved on to the next step.
     *
     * @param channel       how the code goes out now
     * @param requestEndsAt when the request ends now that the step moved
     */
    record Advanced(Channel channel, Instant requestEndsAt) implements AdvanceOutcome {
        public Advanced {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(requestEndsAt, "requestEndsAt");
        }
    }

    /** The request is already at its last step. */
    record NoStepsLeft() implements AdvanceOutcome {
    }

    /** The provider does not know the request, or it is no longer active. */
    record NotFound() implements AdvanceOutcome {
    }
}
