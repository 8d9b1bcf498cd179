package dev.phoneverify.app;

/** A missing or malformed setting; its message is one line that names the setting and says what it should be. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }
}
