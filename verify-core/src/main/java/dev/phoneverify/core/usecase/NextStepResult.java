package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;

/** What a "next step" did. Consumers handle every case through {@link #accept}. */
public sealed interface NextStepResult {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R advanced(Advanced advanced);

        R refused(Refused refused);
    }

    /** Delivery moved to the next step, on {@code flow.channel()}. */
    record Advanced(VerificationFlow flow) implements NextStepResult {
        public Advanced {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.advanced(this);
        }
    }

    /** Delivery did not move; {@code refusal} says why. */
    record Refused(Refusal refusal) implements NextStepResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }
}
