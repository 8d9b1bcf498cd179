package sample.bad.store;

import dev.phoneverify.core.port.StoreUnavailableException;

/** Breaks "core types are extended only at extension points": the exception is the core's to throw. */
public final class DatabaseDown extends StoreUnavailableException {
    private static final long serialVersionUID = 1L;

    public DatabaseDown(Throwable cause) {
        super("database down", cause);
    }
}
