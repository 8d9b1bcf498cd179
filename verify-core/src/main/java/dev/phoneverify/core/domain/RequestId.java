package dev.phoneverify.core.domain;

/**
 * The provider's id for one verification request (Vonage's {@code request_id}): 1 to 32 letters, digits or dashes.
 */
public record RequestId(String value) {
    public static final int MAX_LENGTH = 32;
    /**
     * The allowed ASCII characters, looked up rather than tested by ranges: random ids mix digits and letters, so
     * a test by ranges mispredicted a branch on about every other character, and validating an id cost about as
     * much as drawing it.
     */
    private static final boolean[] ALLOWED = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ALLOWED[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ALLOWED[c] = true;
            ALLOWED[Character.toUpperCase(c)] = true;
        }
        ALLOWED['-'] = true;
    }

    public RequestId {
        if (value == null || value.isEmpty()) {
            throw invalid("a request id is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("a request id has at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= ALLOWED.length || !ALLOWED[c]) {
                throw invalid("a request id has only letters, digits and dashes");
            }
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.REQUEST_ID, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
