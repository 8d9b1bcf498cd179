package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.VerificationFlow;
import java.time.Instant;

/**
 * Something that happened to a verification, for audit logs and metrics. Each carries the flow as it was right
 * after the change; no event ever carries a code.
 */
public sealed interface VerificationEvent {

    VerificationFlow flow();

    Instant at();

    /** A code was sent and a flow began. */
    record Started(VerificationFlow flow, Instant at) implements VerificationEvent {
    }

    /** The provider answered a code check; {@code correct} says how. */
    record CodeChecked(VerificationFlow flow, Instant at, boolean correct) implements VerificationEvent {
    }

    record Verified(VerificationFlow flow, Instant at) implements VerificationEvent {
    }

    record Failed(VerificationFlow flow, Instant at) implements VerificationEvent {
    }

    record Expired(VerificationFlow flow, Instant at) implements VerificationEvent {
    }

    record Cancelled(VerificationFlow flow, Instant at) implements VerificationEvent {
    }

    /** Delivery moved to the next step, on the flow's new channel. */
    record Advanced(VerificationFlow flow, Instant at) implements VerificationEvent {
    }
}
