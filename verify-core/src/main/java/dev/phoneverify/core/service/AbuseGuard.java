package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.service.RateLimitedException.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Applies an {@link AbuseControlPolicy} for the service: refuses sends before the provider is called, and keeps
 * the books (cooldowns, failure delays, conversion counts) from the service's events.
 */
final class AbuseGuard {
    private static final System.Logger LOG = System.getLogger(AbuseGuard.class.getName());

    private final AbuseControlPolicy policy;
    private final RateLimitStore limits;
    private final ConversionStatsStore conversions;

    AbuseGuard(AbuseControls controls) {
        this.policy = controls.policy();
        this.limits = controls.rateLimits();
        this.conversions = controls.conversions();
    }

    /**
     * Lets a start through or throws. Read-only checks come first, so a refused start spends no allowance; the
     * counters are charged client first, so one client cannot use up a number's allowance beyond its own; the
     * cooldown is taken last, atomically, so of racing starts at most one passes it.
     */
    void beforeStart(PhoneNumber number, Optional<ClientKey> client, Instant now) {
        Optional<EscalatingDelay> failedDelay = policy.failedCheckDelay();
        if (failedDelay.isPresent()) {
            refuseIfHeld(failedKey(number), Limit.FAILED_CHECK_DELAY, number, now);
        }
        if (policy.resendCooldown().isPresent()) {
            refuseIfHeld(resendKey(number), Limit.RESEND_COOLDOWN, number, now);
        }
        if (client.isPresent()) {
            charge(policy.sendLimits().perClient(), () -> "client:" + client.get().value(), Limit.PER_CLIENT, number,
                    now);
        }
        charge(policy.sendLimits().perNumber(), () -> "number:" + number.digits(), Limit.PER_NUMBER, number, now);
        charge(policy.sendLimits().perCallingCode(), () -> "calling-code:" + CallingCode.of(number).digits(),
                Limit.PER_CALLING_CODE, number, now);
        passCooldown(number, now);
    }

    /** Lets a next step (a new SMS or call to the flow's number) through the resend cooldown, or throws. */
    void beforeResend(PhoneNumber number, Instant now) {
        passCooldown(number, now);
    }

    /** Keeps the books for an event the service emitted; returns the alarm changes it caused. */
    List<ConversionAlarm> after(VerificationEvent event) {
        VerificationFlow flow = event.flow();
        if (event instanceof VerificationEvent.Started) {
            return countConversion(flow, true, event.at());
        }
        if (event instanceof VerificationEvent.Verified) {
            if (policy.resendCooldown().isPresent()) {
                // A verified flow proves the owner is there: their next code need not wait for earlier resends.
                limits.release(resendKey(flow.number()));
            }
            return countConversion(flow, false, event.at());
        }
        if (event instanceof VerificationEvent.Failed) {
            policy.failedCheckDelay().ifPresent(delay -> {
                Instant until = limits.hold(failedKey(flow.number()), delay, event.at());
                log("a verification of {0} failed; new ones wait until {1}", flow.number(), until);
            });
        }
        return List.of();
    }

    /** Every raised conversion alarm, with its counts now. */
    List<ConversionAlarm> raisedAlarms(Instant now) {
        Optional<ConversionAlarmPolicy> alarm = policy.conversionAlarm();
        if (alarm.isEmpty()) {
            return List.of();
        }
        Instant from = windowFrom(alarm.get(), now);
        return conversions.raisedAlarms().stream()
                .sorted(Comparator.comparing(CallingCode::digits))
                .map(code -> new ConversionAlarm(code, ConversionAlarm.State.RAISED,
                        conversions.countsSince(code, from), now))
                .toList();
    }

    private void refuseIfHeld(String key, Limit limit, PhoneNumber number, Instant now) {
        Optional<Instant> heldUntil = limits.heldUntil(key, now);
        if (heldUntil.isPresent()) {
            throw refusal(limit, Duration.between(now, heldUntil.get()), number);
        }
    }

    /** The key is built only for a limit that is on, since building it costs more than the rest when it is off. */
    private void charge(Optional<SendLimit> limit, Supplier<String> key, Limit which, PhoneNumber number,
                        Instant now) {
        if (limit.isEmpty()) {
            return;
        }
        Acquisition acquired = limits.tryAcquire(key.get(), limit.get().maxStarts(), limit.get().window(), now);
        if (!acquired.granted()) {
            throw refusal(which, acquired.retryAfter(), number);
        }
    }

    private void passCooldown(PhoneNumber number, Instant now) {
        Optional<EscalatingDelay> cooldown = policy.resendCooldown();
        if (cooldown.isEmpty()) {
            return;
        }
        Acquisition passed = limits.tryPassAndHold(resendKey(number), cooldown.get(), now);
        if (!passed.granted()) {
            throw refusal(Limit.RESEND_COOLDOWN, passed.retryAfter(), number);
        }
    }

    private List<ConversionAlarm> countConversion(VerificationFlow flow, boolean started, Instant now) {
        Optional<ConversionAlarmPolicy> configured = policy.conversionAlarm();
        if (configured.isEmpty()) {
            return List.of();
        }
        ConversionAlarmPolicy alarm = configured.get();
        CallingCode code = CallingCode.of(flow.number());
        // Both counts go to the bucket of the flow's start, so the rate compares verified flows with their starts.
        Instant bucket = RateLimitStore.windowStart(flow.createdAt(), alarm.bucket());
        if (started) {
            conversions.countStarted(code, bucket);
        } else {
            conversions.countVerified(code, bucket);
        }
        ConversionCounts counts = conversions.countsSince(code, windowFrom(alarm, now));
        boolean alarming = alarm.isAlarming(counts.started(), counts.verified());
        if (!conversions.setAlarmRaised(code, alarming)) {
            return List.of();
        }
        ConversionAlarm.State state = alarming ? ConversionAlarm.State.RAISED : ConversionAlarm.State.CLEARED;
        return List.of(new ConversionAlarm(code, state, counts, now));
    }

    /** The first bucket still inside the sliding window that ends with the bucket holding {@code now}. */
    private static Instant windowFrom(ConversionAlarmPolicy alarm, Instant now) {
        Duration bucket = alarm.bucket();
        return RateLimitStore.windowStart(now, bucket).minus(bucket.multipliedBy(ConversionAlarmPolicy.BUCKETS_PER_WINDOW - 1L));
    }

    private static RateLimitedException refusal(Limit limit, Duration retryAfter, PhoneNumber number) {
        log("start or resend to {0} refused by " + limit + " for " + retryAfter, number, null);
        return new RateLimitedException(limit, retryAfter);
    }

    private static String resendKey(PhoneNumber number) {
        return "resend:" + number.digits();
    }

    private static String failedKey(PhoneNumber number) {
        return "failed:" + number.digits();
    }

    /** DEBUG only, and only masked numbers: refusals can be many during an attack. */
    private static void log(String pattern, PhoneNumber number, Instant until) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, pattern, number.masked(), until);
        }
    }
}
