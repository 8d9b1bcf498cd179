package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;

/** What a start did. Consumers handle every case through {@link #accept}. */
public sealed interface StartResult {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R started(Started started);

        R refused(Refused refused);
    }

    /** A code is on its way and the flow began (or adopted the request of a start whose answer was lost). */
    record Started(VerificationFlow flow) implements StartResult {
        public Started {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.started(this);
        }
    }

    /** Nothing was sent; {@code refusal} says why. */
    record Refused(Refusal refusal) implements StartResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }
}
