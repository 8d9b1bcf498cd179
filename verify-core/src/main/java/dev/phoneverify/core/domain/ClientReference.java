package dev.phoneverify.core.domain;

/**
 * The caller's own reference for a verification, echoed by providers that support one (Vonage v2's
 * {@code client_ref}): 1 to 40 visible ASCII characters.
 */
public record ClientReference(String value) {
    public static final int MAX_LENGTH = 40;

    public ClientReference {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH
                || value.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new InvalidInputException(InvalidInputException.Field.CLIENT_REFERENCE,
                    "a client reference is 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
