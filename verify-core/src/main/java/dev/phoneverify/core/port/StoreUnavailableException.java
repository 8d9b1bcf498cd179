package dev.phoneverify.core.port;

/**
 * A store behind one of the core's ports could not be reached, or could not do what it was asked: the database
 * is down, timed out or refused the statement. Nothing changed in the store; the same call may be tried again
 * later (an app answers {@code 503}). Store adapters throw it so callers need not know which store they run on.
 */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(String message) {
        super(message);
    }
}
