package dev.phoneverify.core.domain;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A code the user typed in: 4 to 10 digits, or 4 to 10 letters and digits where the gateway takes them
 * ({@link CodeAlphabet}). Its {@link #toString()} never shows the code.
 */
public final class VerificationCode {
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 10;

    private final String value;

    private VerificationCode(String value) {
        this.value = value;
    }

    /** Parses user input as digits; surrounding whitespace is ignored. */
    public static VerificationCode parse(String input) {
        return parse(input, CodeAlphabet.DIGITS);
    }

    /**
     * Parses user input of {@code alphabet}; surrounding whitespace is ignored and letters keep their case.
     *
     * @throws InvalidInputException the input is missing, of the wrong length or has a character outside it
     */
    public static VerificationCode parse(String input, CodeAlphabet alphabet) {
        if (input == null || input.isBlank()) {
            throw invalid("a code is required");
        }
        String trimmed = input.strip();
        String characters = alphabet == CodeAlphabet.DIGITS ? " digits" : " letters or digits";
        if (trimmed.length() < MIN_LENGTH || trimmed.length() > MAX_LENGTH) {
            throw invalid("a code has " + MIN_LENGTH + " to " + MAX_LENGTH + characters);
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (!alphabet.accepts(trimmed.charAt(i))) {
                throw invalid("a code has" + characters + " only");
            }
        }
        return new VerificationCode(trimmed);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.CODE, message);
    }

    /** The characters; only gateways call this, to send the code on. */
    public String value() {
        return value;
    }

    /** True when the code holds a letter, so only a gateway taking {@link CodeAlphabet#LETTERS_AND_DIGITS} can use it. */
    public boolean hasLetters() {
        return !value.chars().allMatch(c -> CodeAlphabet.DIGITS.accepts((char) c));
    }

    public int length() {
        return value.length();
    }

    /** Compares case for case, in time independent of where the codes differ, so timing reveals nothing. */
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
