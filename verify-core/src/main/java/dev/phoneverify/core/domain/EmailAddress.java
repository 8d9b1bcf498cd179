package dev.phoneverify.core.domain;

import java.util.Locale;

/**
 * An address an email step sends the code to: one {@code @} with text on both sides, no spaces, at most 254
 * characters (RFC 5321's path limit). Its {@link #toString()} masks it, so it is safe in logs.
 */
public final class EmailAddress {
    private static final int MAX_LENGTH = 254;

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** Parses user input; surrounding whitespace is ignored. */
    public static EmailAddress parse(String input) {
        String trimmed = input == null ? "" : input.strip();
        int at = trimmed.indexOf('@');
        boolean wellFormed = at > 0 && at == trimmed.lastIndexOf('@') && at < trimmed.length() - 1
                && trimmed.length() <= MAX_LENGTH && trimmed.chars().noneMatch(c -> c <= ' ' || c > '~');
        if (!wellFormed) {
            throw new InvalidInputException(InvalidInputException.Field.EMAIL,
                    "an email address is name@domain, without spaces, at most " + MAX_LENGTH + " characters");
        }
        return new EmailAddress(trimmed);
    }

    /** The address as typed; only gateways read it, to send the code. */
    public String value() {
        return value;
    }

    /** The first character and the domain: {@code a***@example.com}. */
    public String masked() {
        return value.charAt(0) + "***" + value.substring(value.indexOf('@'));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress that && value.toLowerCase(Locale.ROOT).equals(that.value.toLowerCase(Locale.ROOT));
    }

    @Override
    public int hashCode() {
        return value.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
