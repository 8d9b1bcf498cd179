package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.StartOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Why a use case refused a command: an expected answer, not an error. A refused command changed nothing, and the
 * provider was not called unless the refusal is the provider's own answer. Consumers handle every case through
 * {@link #accept}, and every reason inside a case is an enum they switch over, so a new case or reason is a compile
 * error wherever it is not handled. Apps word refusals for their users; nothing here is a sentence.
 */
public sealed interface Refusal {

    /** Calls the visitor's method for this case. */
    <R> R accept(Visitor<R> visitor);

    /** One method per case. */
    interface Visitor<R> {
        R flowNotFound(FlowNotFound refusal);

        R flowFinished(FlowFinished refusal);

        R rateLimited(RateLimited refusal);

        R concurrentVerification(ConcurrentVerification refusal);

        R cancelNotPermitted(CancelNotPermitted refusal);

        R noNextStep(NoNextStep refusal);

        R numberRejected(NumberRejected refusal);

        R unsupported(Unsupported refusal);

        R idempotencyKeyConflict(IdempotencyKeyConflict refusal);
    }

    /** No flow has this id (or it was purged after its retention). */
    record FlowNotFound(FlowId id) implements Refusal {
        public FlowNotFound {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flowNotFound(this);
        }
    }

    /** The flow has already ended; {@code flow} shows how. */
    record FlowFinished(VerificationFlow flow) implements Refusal {
        public FlowFinished {
            if (!Objects.requireNonNull(flow, "flow").isTerminal()) {
                throw new IllegalArgumentException("a pending flow has not finished");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.flowFinished(this);
        }
    }

    /**
     * An abuse control refused to send a code; nothing was sent.
     *
     * @param retryAt    when the same request could pass this control (another control may still refuse it)
     * @param retryAfter how long that was from the refusal
     */
    record RateLimited(Limit limit, Instant retryAt, Duration retryAfter) implements Refusal {
        public RateLimited {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAt, "retryAt");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        /** {@link #retryAfter()} in whole seconds, rounded up and at least one: an HTTP {@code Retry-After}. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            return Math.max(seconds, 1);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rateLimited(this);
        }
    }

    /** The number already has a verification in flight at the provider. */
    record ConcurrentVerification() implements Refusal {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.concurrentVerification(this);
        }
    }

    /** The provider refuses to cancel now; the flow goes on. */
    record CancelNotPermitted(CancelOutcome.Reason reason) implements Refusal {
        public CancelNotPermitted {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cancelNotPermitted(this);
        }
    }

    /** The flow is at its last delivery step; it goes on. */
    record NoNextStep(VerificationFlow flow) implements Refusal {
        public NoNextStep {
            Objects.requireNonNull(flow, "flow");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.noNextStep(this);
        }
    }

    /** The provider will not send to this number. */
    record NumberRejected(StartOutcome.RejectionReason reason) implements Refusal {
        public NumberRejected {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.numberRejected(this);
        }
    }

    /** The command asks for something this gateway cannot do; the provider was not called. */
    record Unsupported(Capability capability) implements Refusal {
        public Unsupported {
            Objects.requireNonNull(capability, "capability");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unsupported(this);
        }
    }

    /**
     * The start's idempotency key cannot be used for it; nothing was sent.
     *
     * @param conflict {@code REUSED}: the key went with another request; {@code IN_PROGRESS}: a start with the key
     *                 is still running after the wait allowed for it
     */
    record IdempotencyKeyConflict(KeyConflict conflict) implements Refusal {
        public IdempotencyKeyConflict {
            Objects.requireNonNull(conflict, "conflict");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.idempotencyKeyConflict(this);
        }
    }

    /** Why an idempotency key could not be used. */
    enum KeyConflict {
        /** The key was used with a different request. */
        REUSED,
        /** The first start with this key has not finished. */
        IN_PROGRESS
    }

    /** The abuse control that refused. */
    enum Limit {
        /** Too many verifications started for this number recently. */
        PER_NUMBER,
        /** Too many verifications started by this client recently. */
        PER_CLIENT,
        /** Too many verifications started for numbers of this country calling code recently. */
        PER_CALLING_CODE,
        /** A code was sent to this number moments ago; the wait grows with each resend. */
        RESEND_COOLDOWN,
        /** A verification of this number failed with too many wrong codes; the wait grows with each failure. */
        FAILED_CHECK_DELAY
    }

    /** What a gateway may lack (see {@code GatewayCapabilities}). */
    enum Capability {
        /** A channel of the requested workflow. */
        CHANNEL,
        /** A workflow other than the gateway's own, or one with too many steps. */
        WORKFLOW,
        /** A step timeout, or one outside the gateway's range. */
        STEP_TIMEOUT,
        /** The policy's code length. */
        CODE_LENGTH,
        /** A code the caller chose. */
        CUSTOM_CODE,
        /** The caller's reference. */
        CLIENT_REFERENCE,
        /** Cancelling. */
        CANCEL,
        /** Moving to the next delivery step. */
        NEXT_STEP
    }
}
