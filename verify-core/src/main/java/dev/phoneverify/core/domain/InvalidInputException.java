package dev.phoneverify.core.domain;

/**
 * Malformed input refused before anything reaches a gateway; names the input and says what is wrong with it.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which input was wrong. */
    public enum Field { NUMBER, CODE, BRAND, REQUEST_ID, FLOW_ID, POLICY, CLIENT_KEY }

    private final Field field;

    public InvalidInputException(Field field, String message) {
        super(message);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
