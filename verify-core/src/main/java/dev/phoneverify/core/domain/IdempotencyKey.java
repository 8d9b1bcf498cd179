package dev.phoneverify.core.domain;

import java.util.Objects;

/**
 * The caller's key for one start (the IETF {@code Idempotency-Key} header draft): a start retried with the same key
 * and the same request answers the verification the first one began, without sending a second code.
 *
 * @param value 1 to {@value #MAX_LENGTH} visible ASCII characters or spaces, not all spaces
 */
public record IdempotencyKey(String value) {
    /** The longest key accepted. */
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new InvalidInputException(InvalidInputException.Field.IDEMPOTENCY_KEY,
                    "an idempotency key has 1 to " + MAX_LENGTH + " characters");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw new InvalidInputException(InvalidInputException.Field.IDEMPOTENCY_KEY,
                    "an idempotency key has only visible ASCII characters and spaces");
        }
    }
}
