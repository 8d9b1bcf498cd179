package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void parsesAnAddressIgnoringSurroundingWhitespace() {
        EmailAddress address = EmailAddress.parse("  ada.lovelace@example.com ");

        assertThat(address.value()).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void masksAllButTheFirstCharacterAndTheDomain() {
        EmailAddress address = EmailAddress.parse("ada.lovelace@example.com");

        assertThat(address.masked()).isEqualTo("a***@example.com");
        assertThat(address).hasToString("a***@example.com");
        assertThat(address.toString()).doesNotContain("lovelace");
    }

    @Test
    void addressesDifferingOnlyInCaseAreEqual() {
        assertThat(EmailAddress.parse("Ada@Example.com")).isEqualTo(EmailAddress.parse("ada@example.com"))
                .hasSameHashCodeAs(EmailAddress.parse("ada@example.com"));
        assertThat(EmailAddress.parse("ada@example.com")).isNotEqualTo(EmailAddress.parse("bob@example.com"));
    }

    @Test
    void anAddressOfAtMost254CharactersIsAccepted() {
        String longest = "a".repeat(64) + "@" + "b".repeat(185) + ".com";

        assertThat(EmailAddress.parse(longest).value()).hasSize(254);
        assertInvalid(longest + "m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-at-sign", "@example.com", "ada@", "ada@@example.com", "a@b@example.com",
            "ada lovelace@example.com", "ad\u00e9@example.com", "ada@exa\tmple.com"})
    void aMalformedAddressIsRefused(String input) {
        assertInvalid(input);
    }

    @Test
    void aMissingAddressIsRefused() {
        assertInvalid(null);
    }

    private static void assertInvalid(String input) {
        assertThatThrownBy(() -> EmailAddress.parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.EMAIL))
                .hasMessage("an email address is name@domain, without spaces, at most 254 characters");
    }
}
