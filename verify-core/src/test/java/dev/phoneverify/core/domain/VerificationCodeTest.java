package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerificationCodeTest {

    @Test
    void parsesFourToTenDigitsIgnoringSurroundingWhitespace() {
        assertThat(VerificationCode.parse(" 1234 ").value()).isEqualTo("1234");
        assertThat(VerificationCode.parse("1234567890").length()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "12345678901"})
    void refusesCodesOfTheWrongLength(String input) {
        assertInvalid(input, "a code has 4 to 10 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12a4", "12 34", "-123", "١٢٣٤"})
    void refusesAnythingButDigits(String input) {
        assertInvalid(input, "a code has digits only");
    }

    @Test
    void lettersAreTakenOnlyWhereTheAlphabetHasThemAndKeepTheirCase() {
        VerificationCode code = VerificationCode.parse(" 12aB ", CodeAlphabet.LETTERS_AND_DIGITS);

        assertThat(code.value()).isEqualTo("12aB");
        assertThat(code.hasLetters()).isTrue();
        assertThat(code.matches("12aB")).isTrue();
        assertThat(code.matches("12ab")).as("compared case for case").isFalse();
        assertThat(VerificationCode.parse("1234", CodeAlphabet.LETTERS_AND_DIGITS).hasLetters()).isFalse();
        assertThat(VerificationCode.parse("1234", CodeAlphabet.LETTERS_AND_DIGITS))
                .isEqualTo(VerificationCode.parse("1234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-b", "12 ab", "12äb", "abc"})
    void lettersAndDigitsStillRefusesOtherCharactersAndShortCodes(String input) {
        assertThatThrownBy(() -> VerificationCode.parse(input, CodeAlphabet.LETTERS_AND_DIGITS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("letters or digits");
    }

    @Test
    void refusesAMissingCode() {
        assertInvalid(null, "a code is required");
        assertInvalid("  ", "a code is required");
    }

    @Test
    void matchesOnlyTheSameDigits() {
        VerificationCode code = VerificationCode.parse("1234");

        assertThat(code.matches("1234")).isTrue();
        assertThat(code.matches("1235")).isFalse();
        assertThat(code.matches("12345")).isFalse();
        assertThat(code.matches(null)).isFalse();
        assertThat(code).isEqualTo(VerificationCode.parse("1234")).hasSameHashCodeAs(VerificationCode.parse("1234"));
    }

    @Property
    void toStringNeverShowsTheCode(@ForAll @NumericChars @StringLength(min = 4, max = 10) String digits) {
        VerificationCode code = VerificationCode.parse(digits);

        assertThat(code.toString()).doesNotContain(digits).doesNotContainPattern("\\d{4}");
        assertThat(code.value()).isEqualTo(digits);
    }

    private static void assertInvalid(String input, String message) {
        assertThatThrownBy(() -> VerificationCode.parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.CODE))
                .hasMessage(message);
    }
}
