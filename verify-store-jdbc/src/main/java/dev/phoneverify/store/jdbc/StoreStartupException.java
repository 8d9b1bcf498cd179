package dev.phoneverify.store.jdbc;

/**
 * The PostgreSQL stores could not start: the database was unreachable, refused the credentials, or its schema
 * could not be migrated. The message is one line that names the database (never the password) and the cause.
 */
public final class StoreStartupException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
