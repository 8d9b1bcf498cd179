package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;

/** What a cancel did. Consumers handle every case through {@link #accept}. */
public sealed interface CancelResult {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R cancelled(Cancelled cancelled);

        R refused(Refused refused);
    }

    /** The flow is cancelled; a correct code no longer completes it. */
    record Cancelled(VerificationFlow flow) implements CancelResult {
        public Cancelled {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancelled(this);
        }
    }

    /** The flow was not cancelled by this command; {@code refusal} says why. */
    record Refused(Refusal refusal) implements CancelResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }
}
