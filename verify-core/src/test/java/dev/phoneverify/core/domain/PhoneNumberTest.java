package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @Test
    void parsesAnE164NumberWithItsPlus() {
        PhoneNumber number = PhoneNumber.parse("+447700900000");

        assertThat(number.digits()).isEqualTo("447700900000");
        assertThat(number.e164()).isEqualTo("+447700900000");
    }

    @Test
    void ignoresSpacesDashesAndSurroundingWhitespace() {
        assertThat(PhoneNumber.parse("  +44 7700-900 000 ")).isEqualTo(PhoneNumber.parse("447700900000"));
    }

    @Test
    void acceptsTheShortestAndLongestE164Numbers() {
        assertThat(PhoneNumber.parse("1234567").digits()).hasSize(7);
        assertThat(PhoneNumber.parse("123456789012345").digits()).hasSize(15);
    }

    @Test
    void masksAllButTheCountryPrefixAndLastFourDigits() {
        PhoneNumber number = PhoneNumber.parse("+447700900000");

        assertThat(number.masked()).isEqualTo("+44******0000");
        assertThat(number.toString()).isEqualTo("+44******0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusesAMissingNumber(String input) {
        assertInvalid(input, "a phone number is required");
    }

    @Test
    void refusesNull() {
        assertInvalid(null, "a phone number is required");
    }

    @Test
    void refusesTooFewDigitsSayingHowMany() {
        assertInvalid("+123456", "a phone number in E.164 form has 7 to 15 digits, this one has 6");
    }

    @Test
    void refusesTooManyDigitsSayingHowMany() {
        assertInvalid("+1234567890123456", "a phone number in E.164 form has 7 to 15 digits, this one has 16");
    }

    @Test
    void refusesAVeryLongInputBeforeReadingIt() {
        assertInvalid("1".repeat(65), "a phone number has at most 15 digits");
    }

    @Test
    void refusesALeadingZero() {
        assertInvalid("+07700900000", "an E.164 number starts with a country code (1-9), not 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 (7700) 900000", "44.7700.900000", "4477009OOOOO", "44++7700900000", "447700900000+"})
    void refusesCharactersOtherThanDigitsSpacesDashesAndALeadingPlus(String input) {
        assertInvalid(input, "a phone number may contain only digits, spaces, dashes and a leading '+'");
    }

    @Property
    void anyValidDigitsRoundTripThroughE164(@ForAll("e164Digits") String digits) {
        PhoneNumber number = PhoneNumber.parse("+" + digits);

        assertThat(number.digits()).isEqualTo(digits);
        assertThat(PhoneNumber.parse(number.e164())).isEqualTo(number);
    }

    @Property
    void anyFormattingWithSpacesAndDashesParsesToTheSameNumber(
            @ForAll("e164Digits") String digits, @ForAll("separators") String separators, @ForAll boolean plus) {
        StringBuilder formatted = new StringBuilder(plus ? "+" : "");
        for (int i = 0; i < digits.length(); i++) {
            char separator = separators.charAt(i % separators.length());
            formatted.append(digits.charAt(i));
            if (separator != '.') {
                formatted.append(separator);
            }
        }

        assertThat(PhoneNumber.parse(formatted.toString()).digits()).isEqualTo(digits);
    }

    @Property
    void theMaskNeverShowsTheMiddleDigits(@ForAll("e164Digits") String digits) {
        String masked = PhoneNumber.parse(digits).masked();

        assertThat(masked).hasSize(digits.length() + 1)
                .startsWith("+" + digits.substring(0, 2))
                .endsWith(digits.substring(digits.length() - 4));
        assertThat(masked.substring(3, masked.length() - 4)).matches("\\**");
    }

    @Property
    void anyDigitCountOutsideSevenToFifteenIsRefused(@ForAll @IntRange(min = 1, max = 40) int length) {
        String digits = "9".repeat(length);
        if (length >= 7 && length <= 15) {
            assertThat(PhoneNumber.parse(digits).digits()).isEqualTo(digits);
        } else {
            assertThatThrownBy(() -> PhoneNumber.parse(digits)).isInstanceOf(InvalidInputException.class);
        }
    }

    @Provide
    Arbitrary<String> e164Digits() {
        Arbitrary<String> first = Arbitraries.strings().withChars("123456789").ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(14);
        return first.flatMap(head -> rest.map(tail -> head + tail));
    }

    /** Per-digit separators: a space, a dash, or '.' meaning none. */
    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.strings().withChars(" -.").ofMinLength(1).ofMaxLength(15);
    }

    private static void assertInvalid(String input, String message) {
        assertThatThrownBy(() -> PhoneNumber.parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.NUMBER))
                .hasMessage(message);
    }
}
