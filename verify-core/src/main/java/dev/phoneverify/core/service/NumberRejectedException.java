package dev.phoneverify.core.service;

import dev.phoneverify.core.port.StartOutcome.RejectionReason;

/** The provider will not send codes to this number; retrying will not help. */
public final class NumberRejectedException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final RejectionReason reason;

    public NumberRejectedException(RejectionReason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }
}
