package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.Refusal.Limit;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies an {@link AbuseControlPolicy}: refuses sends before the provider is called, and keeps the books
 * (cooldowns, failure delays, conversion counts) from the use cases' events.
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
     * Lets a start through, or says which control refused. Read-only checks come first, so a refused start spends
     * no allowance; the counters are charged client first, so one client cannot use up a number's allowance beyond
     * its own; the cooldown is taken last, atomically, so of racing starts at most one passes it.
     */
    Optional<Refusal.RateLimited> beforeStart(PhoneNumber number, Optional<ClientKey> client, Instant now) {
        Optional<Refusal.RateLimited> refused = Optional.empty();
        if (policy.failedCheckDelay().isPresent()) {
            refused = refuseIfHeld(failedKey(number), Limit.FAILED_CHECK_DELAY, number, now);
        }
        if (refused.isEmpty() && policy.resendCooldown().isPresent()) {
            refused = refuseIfHeld(resendKey(number), Limit.RESEND_COOLDOWN, number, now);
        }
        if (refused.isEmpty() && client.isPresent()) {
            refused = charge(policy.sendLimits().perClient(), "client:" + client.get().value(), Limit.PER_CLIENT,
                    number, now);
        }
        if (refused.isEmpty()) {
            refused = charge(policy.sendLimits().perNumber(), "number:" + number.digits(), Limit.PER_NUMBER, number,
                    now);
        }
        if (refused.isEmpty()) {
            refused = charge(policy.sendLimits().perCallingCode(), "calling-code:" + CallingCode.of(number).digits(),
                    Limit.PER_CALLING_CODE, number, now);
        }
        return refused.isEmpty() ? passCooldown(number, now) : refused;
    }

    /** Lets a next step (a new code to the flow's number) through the resend cooldown, or refuses. */
    Optional<Refusal.RateLimited> beforeResend(PhoneNumber number, Instant now) {
        return passCooldown(number, now);
    }

    /** Keeps the books for an event; returns the alarm changes it caused. */
    List<ConversionAlarm> after(VerificationEvent event) {
        VerificationFlow flow = event.flow();
        return switch (event.kind()) {
            case STARTED -> countConversion(flow, true, event.at());
            case VERIFIED -> {
                if (policy.resendCooldown().isPresent()) {
                    // A verified flow proves the owner is there: their next code need not wait for earlier resends.
                    limits.release(resendKey(flow.number()));
                }
                yield countConversion(flow, false, event.at());
            }
            case FAILED -> {
                policy.failedCheckDelay().ifPresent(delay -> {
                    Instant until = limits.hold(failedKey(flow.number()), delay, event.at());
                    log("a verification of {0} failed; new ones wait until {1}", flow.number(), until);
                });
                yield List.of();
            }
            case CODE_ACCEPTED, CODE_REJECTED, EXPIRED, CANCELLED, ADVANCED -> List.of();
        };
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

    private Optional<Refusal.RateLimited> refuseIfHeld(String key, Limit limit, PhoneNumber number, Instant now) {
        return limits.heldUntil(key, now).map(until -> refusal(limit, Duration.between(now, until), number, now));
    }

    private Optional<Refusal.RateLimited> charge(Optional<SendLimit> limit, String key, Limit which,
                                                 PhoneNumber number, Instant now) {
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Acquisition acquired = limits.tryAcquire(key, limit.get().maxStarts(), limit.get().window(), now);
        return acquired.granted() ? Optional.empty() : Optional.of(refusal(which, acquired.retryAfter(), number, now));
    }

    private Optional<Refusal.RateLimited> passCooldown(PhoneNumber number, Instant now) {
        Optional<EscalatingDelay> cooldown = policy.resendCooldown();
        if (cooldown.isEmpty()) {
            return Optional.empty();
        }
        Acquisition passed = limits.tryPassAndHold(resendKey(number), cooldown.get(), now);
        return passed.granted() ? Optional.empty()
                : Optional.of(refusal(Limit.RESEND_COOLDOWN, passed.retryAfter(), number, now));
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
        return RateLimitStore.windowStart(now, bucket)
                .minus(bucket.multipliedBy(ConversionAlarmPolicy.BUCKETS_PER_WINDOW - 1L));
    }

    private static Refusal.RateLimited refusal(Limit limit, Duration retryAfter, PhoneNumber number, Instant now) {
        log("start or resend to {0} refused by " + limit + " for " + retryAfter, number, null);
        return new Refusal.RateLimited(limit, now.plus(retryAfter), retryAfter);
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
