package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerificationPolicyTest {

    @Test
    void defaultsAreThreeAttemptsTenMinutesAndFourDigits() {
        VerificationPolicy policy = VerificationPolicy.defaults();

        assertThat(policy.maxWrongAttempts()).isEqualTo(3);
        assertThat(policy.maxLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policy.codeLength()).isEqualTo(4);
    }

    @Test
    void withersChangeOneRuleAndKeepTheOthers() {
        VerificationPolicy policy = VerificationPolicy.defaults()
                .withMaxWrongAttempts(10).withMaxLifetime(Duration.ofHours(1)).withCodeLength(6);

        assertThat(policy).isEqualTo(new VerificationPolicy(10, Duration.ofHours(1), 6));
    }

    @Test
    void wrongAttemptsMustBeOneToTen() {
        assertThat(VerificationPolicy.defaults().withMaxWrongAttempts(1).maxWrongAttempts()).isEqualTo(1);
        assertInvalid(() -> VerificationPolicy.defaults().withMaxWrongAttempts(0), "maxWrongAttempts must be 1 to 10, was 0");
        assertInvalid(() -> VerificationPolicy.defaults().withMaxWrongAttempts(11), "maxWrongAttempts must be 1 to 10, was 11");
    }

    @Test
    void lifetimeMustBePositiveAndAtMostAnHour() {
        assertInvalid(() -> VerificationPolicy.defaults().withMaxLifetime(Duration.ZERO),
                "maxLifetime must be more than zero and at most one hour, was PT0S");
        assertInvalid(() -> VerificationPolicy.defaults().withMaxLifetime(Duration.ofSeconds(-1)),
                "maxLifetime must be more than zero and at most one hour, was PT-1S");
        assertInvalid(() -> VerificationPolicy.defaults().withMaxLifetime(Duration.ofMinutes(61)),
                "maxLifetime must be more than zero and at most one hour, was PT1H1M");
        assertInvalid(() -> VerificationPolicy.defaults().withMaxLifetime(null),
                "maxLifetime must be more than zero and at most one hour, was null");
    }

    @Test
    void codeLengthMustBeFourToTen() {
        for (int length = 4; length <= 10; length++) {
            assertThat(VerificationPolicy.defaults().withCodeLength(length).codeLength()).isEqualTo(length);
        }
        assertInvalid(() -> VerificationPolicy.defaults().withCodeLength(3), "codeLength must be 4 to 10, was 3");
        assertInvalid(() -> VerificationPolicy.defaults().withCodeLength(11), "codeLength must be 4 to 10, was 11");
    }

    private static void assertInvalid(Runnable construction, String message) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.POLICY))
                .hasMessage(message);
    }
}
