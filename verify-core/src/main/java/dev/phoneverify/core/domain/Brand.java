package dev.phoneverify.core.domain;

/**
 * The name shown to the user in the message ("Your Acme PIN is ..."): 1 to 18 characters, Vonage's limit.
 */
public record Brand(String value) {
    public static final int MAX_LENGTH = 18;

    public Brand {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(InvalidInputException.Field.BRAND, "a brand is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException(InvalidInputException.Field.BRAND,
                    "a brand has at most " + MAX_LENGTH + " characters, this one has " + value.length());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
