package dev.phoneverify.store.jdbc;

/**
 * The database could not do what a store was asked: it is unreachable, shutting down, timed out, or refused the
 * statement. Each store call is a single statement, so nothing was half-written; the caller may retry later
 * (an app answers {@code 503}).
 */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
