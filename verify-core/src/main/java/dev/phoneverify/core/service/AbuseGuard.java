package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.Admission;
import dev.phoneverify.core.port.Booked;
import dev.phoneverify.core.port.Bookkeeping;
import dev.phoneverify.core.port.Gate;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.Refusal.Limit;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies an {@link AbuseControlPolicy}: refuses sends before the provider is called, and keeps the books
 * (cooldowns, failure delays, conversion counts) of the flow writes, in the same round trip where the flow
 * store can.
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
     * Lets a start through, or says which control refused, in one call to the store. Read-only checks come first,
     * so a refused start spends no allowance; the counters are charged client first, so one client cannot use up
     * a number's allowance beyond its own; the cooldown is taken last, atomically, so of racing starts at most one
     * passes it.
     */
    Optional<Refusal.RateLimited> beforeStart(PhoneNumber number, Optional<ClientKey> client, Instant now) {
        List<Gate> gates = new ArrayList<>(6);
        List<Limit> kinds = new ArrayList<>(6);
        if (policy.failedCheckDelay().isPresent()) {
            add(gates, kinds, new Gate.Held(failedKey(number)), Limit.FAILED_CHECK_DELAY);
        }
        if (policy.resendCooldown().isPresent()) {
            add(gates, kinds, new Gate.Held(resendKey(number)), Limit.RESEND_COOLDOWN);
        }
        SendLimitPolicy sendLimits = policy.sendLimits();
        if (client.isPresent()) {
            sendLimits.perClient().ifPresent(limit -> add(gates, kinds,
                    counted("client:" + client.get().value(), limit), Limit.PER_CLIENT));
        }
        sendLimits.perNumber().ifPresent(limit -> add(gates, kinds, counted("number:" + number.digits(), limit),
                Limit.PER_NUMBER));
        sendLimits.perCallingCode().ifPresent(limit -> add(gates, kinds,
                counted("calling-code:" + CallingCode.of(number).digits(), limit), Limit.PER_CALLING_CODE));
        policy.resendCooldown().ifPresent(cooldown -> add(gates, kinds,
                new Gate.PassAndHold(resendKey(number), cooldown), Limit.RESEND_COOLDOWN));
        if (gates.isEmpty()) {
            return Optional.empty();
        }
        Admission admission = limits.admit(gates, now);
        return admission.isAdmitted() ? Optional.empty()
                : Optional.of(refusal(kinds.get(admission.refusedBy()), admission.retryAfter(), number, now));
    }

    /** Lets a next step (a new code to the flow's number) through the resend cooldown, or refuses. */
    Optional<Refusal.RateLimited> beforeResend(PhoneNumber number, Instant now) {
        Optional<EscalatingDelay> cooldown = policy.resendCooldown();
        if (cooldown.isEmpty()) {
            return Optional.empty();
        }
        Acquisition passed = limits.tryPassAndHold(resendKey(number), cooldown.get(), now);
        return passed.granted() ? Optional.empty()
                : Optional.of(refusal(Limit.RESEND_COOLDOWN, passed.retryAfter(), number, now));
    }

    /**
     * The books a flow write keeps when it emits {@code kind}: a start or a verification is counted for the
     * conversion alarm, a verification releases the number's resend cooldown (the owner is there: their next code
     * need not wait for earlier resends), a failure holds the number for the failed-check delay.
     */
    Bookkeeping booksFor(VerificationEvent.Kind kind, VerificationFlow flow, Instant at) {
        Optional<String> release = kind == VerificationEvent.Kind.VERIFIED && policy.resendCooldown().isPresent()
                ? Optional.of(resendKey(flow.number())) : Optional.empty();
        Optional<Bookkeeping.NewHold> hold = kind == VerificationEvent.Kind.FAILED
                ? policy.failedCheckDelay().map(delay -> new Bookkeeping.NewHold(failedKey(flow.number()), delay, at))
                : Optional.empty();
        boolean counted = kind == VerificationEvent.Kind.STARTED || kind == VerificationEvent.Kind.VERIFIED;
        Optional<Bookkeeping.Tally> tally = counted ? policy.conversionAlarm().map(alarm -> new Bookkeeping.Tally(
                CallingCode.of(flow.number()),
                // Both counts go to the bucket of the flow's start, so the rate compares verified flows with starts.
                RateLimitStore.windowStart(flow.createdAt(), alarm.bucket()),
                kind == VerificationEvent.Kind.VERIFIED, windowFrom(alarm, at))) : Optional.empty();
        if (tally.isEmpty() && release.isEmpty() && hold.isEmpty()) {
            return Bookkeeping.none();
        }
        return new Bookkeeping(tally, release, hold, limits, conversions);
    }

    /**
     * Finishes the books of one write: keeps whatever the flow store did not keep, and raises or clears the
     * conversion alarm when the counts cross its threshold. Returns the alarm changes.
     */
    List<ConversionAlarm> settle(Settlement settlement) {
        Bookkeeping books = settlement.books();
        Booked booked = settlement.booked();
        if (books.isEmpty()) {
            return List.of();
        }
        Optional<ConversionCounts> counts = booked.counts();
        if (!booked.kept()) {
            books.releaseHold().ifPresent(limits::release);
            books.hold().ifPresent(hold -> logHeld(settlement.number(),
                    limits.hold(hold.key(), hold.delay(), hold.at())));
            counts = books.tally().map(this::count);
        } else {
            booked.heldUntil().ifPresent(until -> logHeld(settlement.number(), until));
        }
        if (books.tally().isEmpty() || counts.isEmpty()) {
            return List.of();
        }
        Bookkeeping.Tally tally = books.tally().get();
        boolean alarming = policy.conversionAlarm().orElseThrow().isAlarming(counts.get().started(),
                counts.get().verified());
        // Where the store read the flag with the counts, a flag already right needs no write.
        if (booked.alarmRaised().map(raised -> raised == alarming).orElse(false)
                || !conversions.setAlarmRaised(tally.code(), alarming)) {
            return List.of();
        }
        ConversionAlarm.State state = alarming ? ConversionAlarm.State.RAISED : ConversionAlarm.State.CLEARED;
        return List.of(new ConversionAlarm(tally.code(), state, counts.get(), settlement.at()));
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

    private ConversionCounts count(Bookkeeping.Tally tally) {
        if (tally.verified()) {
            conversions.countVerified(tally.code(), tally.bucket());
        } else {
            conversions.countStarted(tally.code(), tally.bucket());
        }
        return conversions.countsSince(tally.code(), tally.sumFrom());
    }

    private static void add(List<Gate> gates, List<Limit> kinds, Gate gate, Limit kind) {
        gates.add(gate);
        kinds.add(kind);
    }

    private static Gate counted(String key, SendLimit limit) {
        return new Gate.Counted(key, limit.maxStarts(), limit.window());
    }

    private static void logHeld(PhoneNumber number, Instant until) {
        log("a verification of {0} failed; new ones wait until {1}", number, until);
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

    /** A write's books and what its store kept of them, settled once the flow's lock is released. */
    record Settlement(Bookkeeping books, Booked booked, PhoneNumber number, Instant at) {
    }
}
