package dev.phoneverify.core.domain;

/**
 * Malformed input refused when a value type is parsed, before anything reaches a gateway; names the input and says
 * what is wrong with it.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Which input was wrong. */
    public enum Field { NUMBER, CODE, BRAND, REQUEST_ID, FLOW_ID, POLICY, CLIENT_KEY, EMAIL, CLIENT_REFERENCE, WORKFLOW,
        IDEMPOTENCY_KEY }

    private final Field field;

    /** Refuses {@code field}; {@code message} says what a valid value looks like. */
    public InvalidInputException(Field field, String message) {
        super(message);
        this.field = field;
    }

    /** Which input was wrong. */
    public Field field() {
        return field;
    }
}
