package dev.phoneverify.core.domain;

import java.util.Set;

/**
 * An ITU-T E.164 country calling code ({@code 44}, {@code 1}, {@code 358}): the 1 to 3 digits a number starts
 * with. SMS pumping concentrates on a few destinations, so conversion and send limits are also kept per code.
 *
 * <p>Calling codes are prefix-free, so the sets below need only the codes shorter than three digits: a number
 * whose first digit or first two digits are not listed has a three-digit code. A number on a spare code gets its
 * first three digits, which is as good a grouping key as any.
 */
public record CallingCode(String digits) {
    /** World zones 1 (NANP) and 7 (Russia, Kazakhstan). */
    private static final Set<String> ONE_DIGIT = Set.of("1", "7");
    /** Every two-digit code assigned by ITU-T (E.164 Annex to ITU Operational Bulletin). */
    private static final Set<String> TWO_DIGITS = Set.of(
            "20", "27",
            "30", "31", "32", "33", "34", "36", "39",
            "40", "41", "43", "44", "45", "46", "47", "48", "49",
            "51", "52", "53", "54", "55", "56", "57", "58",
            "60", "61", "62", "63", "64", "65", "66",
            "81", "82", "84", "86",
            "90", "91", "92", "93", "94", "95", "98");

    public CallingCode {
        if (digits == null || !digits.matches("[1-9][0-9]{0,2}")) {
            throw new InvalidInputException(InvalidInputException.Field.NUMBER,
                    "a country calling code is 1 to 3 digits, not starting with 0");
        }
    }

    /** The calling code {@code number} belongs to. */
    public static CallingCode of(PhoneNumber number) {
        // A PhoneNumber has at least 7 digits, so the first three are there to read.
        String digits = number.digits();
        for (int length = 1; length < 3; length++) {
            String prefix = digits.substring(0, length);
            if ((length == 1 ? ONE_DIGIT : TWO_DIGITS).contains(prefix)) {
                return new CallingCode(prefix);
            }
        }
        return new CallingCode(digits.substring(0, 3));
    }

    /** {@code +44}. */
    @Override
    public String toString() {
        return "+" + digits;
    }
}
