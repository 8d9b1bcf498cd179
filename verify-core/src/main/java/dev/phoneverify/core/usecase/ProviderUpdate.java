package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * A change the provider reported by itself (Vonage v2's signed callbacks), for {@link ApplyProviderStatus}.
 * Consumers handle every case through {@link #accept}.
 */
public sealed interface ProviderUpdate {

    /** The provider's request the update is about. */
    RequestId requestId();

    /** When the change happened, as the provider says. */
    Instant at();

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R step(StepUpdate step);

        R ended(RequestEnded ended);
    }

    /** A delivery step on {@code channel} changed. */
    record StepUpdate(RequestId requestId, Channel channel, StepStatus status, Instant at) implements ProviderUpdate {
        public StepUpdate {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.step(this);
        }
    }

    /** The whole request ended. */
    record RequestEnded(RequestId requestId, EndStatus status, Instant at) implements ProviderUpdate {
        public RequestEnded {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ended(this);
        }
    }

    /** Where one delivery step stands. */
    enum StepStatus {
        /** The code went out on the step's channel. */
        STARTED,
        /** The user verified on this step. */
        COMPLETED,
        /** The step could not deliver. */
        FAILED,
        /** The step's time passed; the next step, if any, follows. */
        EXPIRED
    }

    /** How a request ended. */
    enum EndStatus {
        COMPLETED,
        FAILED,
        EXPIRED,
        BLOCKED,
        CANCELLED
    }
}
