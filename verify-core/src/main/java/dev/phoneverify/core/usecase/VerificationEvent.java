package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.VerificationFlow;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened to a verification, for audit logs and metrics: what, the flow right after the change,
 * and when. No event ever carries a code. Consumers switch over {@link Kind} with no {@code default}.
 */
public record VerificationEvent(Kind kind, VerificationFlow flow, Instant at) {
    public VerificationEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(at, "at");
    }

    /** What happened. */
    public enum Kind {
        /** A code was sent and a flow began. */
        STARTED,
        /** The provider accepted a code. */
        CODE_ACCEPTED,
        /** The provider refused a code. */
        CODE_REJECTED,
        /** The flow is verified. */
        VERIFIED,
        /** The flow failed: too many wrong codes, or the provider failed or blocked it. */
        FAILED,
        /** The flow's time ran out, or the provider no longer knows it. */
        EXPIRED,
        /** The flow was cancelled. */
        CANCELLED,
        /** Delivery moved to another step, on the flow's new channel. */
        ADVANCED
    }

    /** The event a flow that just ended emits: its terminal state's kind. */
    public static VerificationEvent ended(VerificationFlow flow, Instant at) {
        Kind kind = switch (flow.state()) {
            case VERIFIED -> Kind.VERIFIED;
            case FAILED -> Kind.FAILED;
            case EXPIRED -> Kind.EXPIRED;
            case CANCELLED -> Kind.CANCELLED;
            case PENDING -> throw new IllegalArgumentException("a pending flow has not ended");
        };
        return new VerificationEvent(kind, flow, at);
    }
}
