package dev.phoneverify.core.service;

/**
 * A command the service refused for a reason the caller can act on. Each subtype names one reason; none of them
 * changed the verification.
 */
public abstract class VerificationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected VerificationException(String message) {
        super(message);
    }
}
