package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Channel;
import java.time.Instant;
import java.util.Objects;

/**
 * What the provider answered to "next step": the expected answers of {@link VerificationGateway#advance}.
 * Consumers handle every case through {@link #accept}.
 */
public sealed interface AdvanceOutcome {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R advanced(Advanced advanced);

        R noStepsLeft(NoStepsLeft noStepsLeft);

        R notFound(NotFound notFound);
    }

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

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.advanced(this);
        }
    }

    /** The request is already at its last step. */
    record NoStepsLeft() implements AdvanceOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noStepsLeft(this);
        }
    }

    /** The provider does not know the request, or it is no longer active. */
    record NotFound() implements AdvanceOutcome {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notFound(this);
        }
    }
}
