package dev.phoneverify.core.domain;

/**
 * The provider's id for one verification request, opaque to the core: 1 to 64 letters, digits or dashes. Vonage
 * v1's 32 hex characters and v2's UUIDs both fit.
 */
public record RequestId(String value) {
    public static final int MAX_LENGTH = 64;

    public RequestId {
        if (value == null || value.isEmpty()) {
            throw invalid("a request id is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("a request id has at most " + MAX_LENGTH + " characters");
        }
        if (!value.chars().allMatch(RequestId::isAllowed)) {
            throw invalid("a request id has only letters, digits and dashes");
        }
    }

    private static boolean isAllowed(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.REQUEST_ID, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
