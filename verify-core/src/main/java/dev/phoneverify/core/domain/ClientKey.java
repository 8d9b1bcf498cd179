package dev.phoneverify.core.domain;

/**
 * Who is asking for codes, as the caller sees it: a client IP address, an API key id, a session id. The per-client
 * send limit counts starts by this key. 1 to 100 visible ASCII characters, no spaces.
 */
public record ClientKey(String value) {
    public static final int MAX_LENGTH = 100;

    public ClientKey {
        if (value == null || value.isEmpty()) {
            throw invalid("a client key is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("a client key has at most " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw invalid("a client key has only visible ASCII characters");
            }
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.CLIENT_KEY, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
