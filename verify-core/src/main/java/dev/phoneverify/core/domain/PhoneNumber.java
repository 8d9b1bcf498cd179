package dev.phoneverify.core.domain;

/**
 * A phone number in E.164 form, kept as its digits without the leading {@code +}.
 *
 * <p>Parsing accepts an optional {@code +} and ignores spaces and dashes; what remains must be 7 to 15 digits
 * starting with 1-9. {@link #toString()} masks the number so it is safe in logs.
 */
public final class PhoneNumber {
    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    private static final int MAX_INPUT_LENGTH = 64;

    private final String digits;

    private PhoneNumber(String digits) {
        this.digits = digits;
    }

    /** Parses user input such as {@code "+44 7700-900000"}. */
    public static PhoneNumber parse(String input) {
        if (input == null || input.isBlank()) {
            throw invalid("a phone number is required");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw invalid("a phone number has at most " + MAX_DIGITS + " digits");
        }
        String trimmed = input.strip();
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '+' && i == 0) {
                continue;
            }
            if (c == ' ' || c == '-') {
                continue;
            }
            if (c < '0' || c > '9') {
                throw invalid("a phone number may contain only digits, spaces, dashes and a leading '+'");
            }
            digits.append(c);
        }
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
            throw invalid("a phone number in E.164 form has " + MIN_DIGITS + " to " + MAX_DIGITS
                    + " digits, this one has " + digits.length());
        }
        if (digits.charAt(0) == '0') {
            throw invalid("an E.164 number starts with a country code (1-9), not 0");
        }
        return new PhoneNumber(digits.toString());
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.NUMBER, message);
    }

    /** The digits without {@code +}, as Vonage's API expects them: {@code 447700900000}. */
    public String digits() {
        return digits;
    }

    /** The number in E.164 form with its {@code +}: {@code +447700900000}. */
    public String e164() {
        return "+" + digits;
    }

    /** The number with all but the first two and last four digits hidden: {@code +44******0000}. */
    public String masked() {
        int visibleHead = 2;
        int visibleTail = 4;
        StringBuilder masked = new StringBuilder(digits.length() + 1).append('+');
        for (int i = 0; i < digits.length(); i++) {
            boolean visible = i < visibleHead || i >= digits.length() - visibleTail;
            masked.append(visible ? digits.charAt(i) : '*');
        }
        return masked.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PhoneNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked, so a number never lands unmasked in a log line by accident. */
    @Override
    public String toString() {
        return masked();
    }
}
