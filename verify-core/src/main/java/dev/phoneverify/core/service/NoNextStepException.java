package dev.phoneverify.core.service;

/** The verification is already at its last delivery step; it goes on unchanged. */
public final class NoNextStepException extends VerificationException {
    private static final long serialVersionUID = 1L;

    public NoNextStepException() {
        super("there is no further delivery step: the last one has already been used");
    }
}
