package dev.phoneverify.core.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every abuse control the service applies; an empty control is off. {@link #defaults()} turns all of them on.
 *
 * @param sendLimits       starts per number, per client key and per country calling code
 * @param resendCooldown   the wait between codes sent to one number, by a start or a next step (default 30 s,
 *                         doubling, at most 10 minutes, forgotten after an hour without a send; a verified flow
 *                         resets it)
 * @param failedCheckDelay the wait before a number whose flow failed (too many wrong codes) may start again
 *                         (default 1 minute, doubling with each failure, at most one hour, forgotten after a day
 *                         without a failure)
 * @param conversionAlarm  when to raise the alarm for a low verified/started rate per calling code
 */
public record AbuseControlPolicy(SendLimitPolicy sendLimits, Optional<EscalatingDelay> resendCooldown,
                                 Optional<EscalatingDelay> failedCheckDelay,
                                 Optional<ConversionAlarmPolicy> conversionAlarm) {
    public static final EscalatingDelay DEFAULT_RESEND_COOLDOWN =
            new EscalatingDelay(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofHours(1));
    public static final EscalatingDelay DEFAULT_FAILED_CHECK_DELAY =
            new EscalatingDelay(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1));

    public AbuseControlPolicy {
        Objects.requireNonNull(sendLimits, "sendLimits");
        Objects.requireNonNull(resendCooldown, "resendCooldown");
        Objects.requireNonNull(failedCheckDelay, "failedCheckDelay");
        Objects.requireNonNull(conversionAlarm, "conversionAlarm");
    }

    /** Every control on, with the defaults above. */
    public static AbuseControlPolicy defaults() {
        return new AbuseControlPolicy(SendLimitPolicy.defaults(), Optional.of(DEFAULT_RESEND_COOLDOWN),
                Optional.of(DEFAULT_FAILED_CHECK_DELAY), Optional.of(ConversionAlarmPolicy.defaults()));
    }

    /** Every control off: for tests of other behaviour, and for apps that enforce their own limits. */
    public static AbuseControlPolicy none() {
        return new AbuseControlPolicy(SendLimitPolicy.none(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AbuseControlPolicy withSendLimits(SendLimitPolicy limits) {
        return new AbuseControlPolicy(limits, resendCooldown, failedCheckDelay, conversionAlarm);
    }

    /** This policy with the resend cooldown set, or off when {@code cooldown} is null. */
    public AbuseControlPolicy withResendCooldown(EscalatingDelay cooldown) {
        return new AbuseControlPolicy(sendLimits, Optional.ofNullable(cooldown), failedCheckDelay, conversionAlarm);
    }

    /** This policy with the failed-check delay set, or off when {@code delay} is null. */
    public AbuseControlPolicy withFailedCheckDelay(EscalatingDelay delay) {
        return new AbuseControlPolicy(sendLimits, resendCooldown, Optional.ofNullable(delay), conversionAlarm);
    }

    /** This policy with the conversion alarm set, or off when {@code alarm} is null. */
    public AbuseControlPolicy withConversionAlarm(ConversionAlarmPolicy alarm) {
        return new AbuseControlPolicy(sendLimits, resendCooldown, failedCheckDelay, Optional.ofNullable(alarm));
    }
}
