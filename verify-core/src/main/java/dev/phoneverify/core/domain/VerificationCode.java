package dev.phoneverify.core.domain;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A code the user typed in: 4 to 10 digits. Its {@link #toString()} never shows the code.
 */
public final class VerificationCode {
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 10;

    private final String value;

    private VerificationCode(String value) {
        this.value = value;
    }

    /** Parses user input; surrounding whitespace is ignored. */
    public static VerificationCode parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("a code is required");
        }
        String trimmed = input.strip();
        if (trimmed.length() < MIN_LENGTH || trimmed.length() > MAX_LENGTH) {
            throw invalid("a code has " + MIN_LENGTH + " to " + MAX_LENGTH + " digits");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid("a code has digits only");
            }
        }
        return new VerificationCode(trimmed);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.CODE, message);
    }

    /** The digits; only gateways call this, to send the code on. */
    public String value() {
        return value;
    }

    public int length() {
        return value.length();
    }

    /** Compares in time independent of where the codes differ, so timing reveals nothing. */
    public boolean matches(String expected) {
        return expected != null && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), expected.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerificationCode that && matches(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "VerificationCode[redacted]";
    }
}
