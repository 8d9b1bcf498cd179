package dev.phoneverify.adapter.vonage;

/**
 * A Vonage setting read from the environment is missing or malformed. The message names the variable and says what
 * it must be; it never repeats a secret.
 */
public final class VonageConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String variable;

    VonageConfigException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable at fault, such as {@code VONAGE_BASE_URL}. */
    public String variable() {
        return variable;
    }
}
