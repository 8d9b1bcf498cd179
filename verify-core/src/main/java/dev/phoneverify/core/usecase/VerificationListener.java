package dev.phoneverify.core.usecase;

/**
 * Receives every {@link VerificationEvent}. Called after the change is stored, on the caller's thread; an
 * exception thrown here is logged and does not undo or block the change.
 */
@FunctionalInterface
public interface VerificationListener {
    void onEvent(VerificationEvent event);
}
