package dev.phoneverify.spring;

/**
 * A {@code phoneverify.*} setting that cannot be used, named in the message; the application does not start, and
 * {@link PhoneVerifyFailureAnalyzer} prints the message and what to change instead of a stack trace.
 */
public final class PhoneVerifyConfigException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message names the property and says what a valid value looks like */
    public PhoneVerifyConfigException(String message) {
        super(message);
    }
}
