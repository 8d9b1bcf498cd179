package dev.phoneverify.core.service;

/**
 * The number already has a verification in flight at the provider. The provider's request id is deliberately not
 * exposed: it belongs to whoever started that verification.
 */
public final class ConcurrentVerificationException extends VerificationException {
    private static final long serialVersionUID = 1L;

    public ConcurrentVerificationException() {
        super("this number already has a verification in progress; finish it or wait until it expires");
    }
}
