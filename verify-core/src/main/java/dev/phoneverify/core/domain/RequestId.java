package dev.phoneverify.core.domain;

/**
 * The provider's id for one verification request (Vonage's {@code request_id}): 1 to 32 letters, digits or dashes.
 */
public record RequestId(String value) {
    public static final int MAX_LENGTH = 32;

    public RequestId {
        if (value == null || value.isEmpty()) {
            throw invalid("a request id is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("a request id has at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
            if (!allowed) {
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
