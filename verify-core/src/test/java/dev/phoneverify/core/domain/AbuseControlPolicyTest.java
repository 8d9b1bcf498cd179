package dev.phoneverify.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The abuse-control value types: defaults, validation, calling codes and client keys. */
class AbuseControlPolicyTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        AbuseControlPolicy defaults = AbuseControlPolicy.defaults();

        assertThat(defaults.sendLimits().perNumber()).contains(SendLimit.of(3, Duration.ofMinutes(10)));
        assertThat(defaults.sendLimits().perClient()).contains(SendLimit.of(10, Duration.ofMinutes(10)));
        assertThat(defaults.sendLimits().perCallingCode()).contains(SendLimit.of(100, Duration.ofMinutes(10)));
        assertThat(defaults.resendCooldown()).contains(
                new EscalatingDelay(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofHours(1)));
        assertThat(defaults.failedCheckDelay()).contains(
                new EscalatingDelay(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1)));
        assertThat(defaults.conversionAlarm()).contains(new ConversionAlarmPolicy(0.35, 50, Duration.ofHours(1)));
    }

    @Test
    void noneTurnsEveryControlOff() {
        AbuseControlPolicy none = AbuseControlPolicy.none();

        assertThat(none.sendLimits()).isEqualTo(SendLimitPolicy.none());
        assertThat(none.resendCooldown()).isEmpty();
        assertThat(none.failedCheckDelay()).isEmpty();
        assertThat(none.conversionAlarm()).isEmpty();
        assertThat(SendLimitPolicy.defaults().withPerClient(null).perClient()).isEmpty();
    }

    @Test
    void anEscalatingDelayDoublesUpToItsMaximum() {
        EscalatingDelay delay = AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN;

        assertThat(delay.after(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(60));
        assertThat(delay.after(Duration.ofMinutes(8))).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void nonsenseSettingsAreRefusedNamingThePolicy() {
        assertThatThrownBy(() -> SendLimit.of(0, Duration.ofMinutes(10)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.POLICY));
        assertThatThrownBy(() -> SendLimit.of(3, Duration.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new EscalatingDelay(Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ZERO))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ConversionAlarmPolicy(1.5, 50, Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ConversionAlarmPolicy(0.35, 0, Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "+1 202 555 0100, 1", "+7 912 345 6789, 7", "+44 7700 900000, 44", "+33 6 12 34 56 78, 33",
            "+358 40 1234567, 358", "+234 802 123 4567, 234", "+86 138 0013 8000, 86", "+971 50 123 4567, 971",
            "+420 601 123 456, 420", "+27 82 123 4567, 27", "+880 1712 345678, 880"})
    void theCallingCodeIsTheNumbersOneToThreeDigitPrefix(String number, String code) {
        assertThat(CallingCode.of(PhoneNumber.parse(number))).isEqualTo(new CallingCode(code));
    }

    @Test
    void aClientKeyIsShortVisibleAscii() {
        assertThat(new ClientKey("2001:db8::1").value()).isEqualTo("2001:db8::1");
        assertThatThrownBy(() -> new ClientKey("x".repeat(101))).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\there", "caf\u00e9"})
    void aMalformedClientKeyIsRefused(String value) {
        assertThatThrownBy(() -> new ClientKey(value))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(InvalidInputException.Field.CLIENT_KEY));
    }
}
