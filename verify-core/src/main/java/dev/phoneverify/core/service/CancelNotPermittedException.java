package dev.phoneverify.core.service;

import dev.phoneverify.core.port.CancelOutcome;

/** The provider refused to cancel now; the verification goes on unchanged. */
public final class CancelNotPermittedException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final CancelOutcome.Reason reason;

    public CancelNotPermittedException(CancelOutcome.Reason reason) {
        super(reason.explanation());
        this.reason = reason;
    }

    public CancelOutcome.Reason reason() {
        return reason;
    }
}
