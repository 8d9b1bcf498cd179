package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.util.Objects;

/** What a code check did. Consumers handle every case through {@link #accept}. */
public sealed interface CheckResult {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R verified(Verified verified);

        R wrongCode(WrongCode wrong);

        R failed(Failed failed);

        R expired(Expired expired);

        R refused(Refused refused);
    }

    /** The code was right; the flow is verified. */
    record Verified(VerificationFlow flow) implements CheckResult {
        public Verified {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.verified(this);
        }
    }

    /** The code was wrong; the flow goes on with {@link #attemptsRemaining()} attempts left. */
    record WrongCode(VerificationFlow flow) implements CheckResult {
        public WrongCode {
            Objects.requireNonNull(flow, "flow");
        }

        /** Wrong codes the user may still enter. */
        public int attemptsRemaining() {
            return flow.attemptsRemaining();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrongCode(this);
        }
    }

    /** The code was wrong once too often; the flow failed. */
    record Failed(VerificationFlow flow) implements CheckResult {
        public Failed {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.failed(this);
        }
    }

    /**
     * The provider no longer had the request; the flow ended without a verdict on this code ({@code flow} says how:
     * usually expired, or cancelled elsewhere).
     */
    record Expired(VerificationFlow flow) implements CheckResult {
        public Expired {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.expired(this);
        }
    }

    /** The code was not checked; {@code refusal} says why. */
    record Refused(Refusal refusal) implements CheckResult {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refused(this);
        }
    }
}
