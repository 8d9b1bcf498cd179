package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.stream.Stream;

/**
 * The failures a tester asked for: one-shot faults per operation, in the order scripted, and standing rules per
 * number. Guarded by the owning gateway's lock.
 */
final class ScriptedFaults {

    /** A one-shot fault for the next call of an operation. */
    enum Fault {
        UNAVAILABLE(GatewayException.Reason.UNAVAILABLE, true, "scripted fault: provider unavailable"),
        TIMEOUT(GatewayException.Reason.TIMEOUT, true, "scripted fault: no answer within the timeout"),
        THROTTLED(GatewayException.Reason.THROTTLED, true, "scripted fault: throttled"),
        /** The call takes effect, then its answer is lost: what a real timeout after the provider acted looks like. */
        ANSWER_LOST(GatewayException.Reason.TIMEOUT, false, "scripted fault: the answer was lost after the call took effect");

        final GatewayException.Reason reason;
        final boolean beforeEffect;
        final String message;

        Fault(GatewayException.Reason reason, boolean beforeEffect, String message) {
            this.reason = reason;
            this.beforeEffect = beforeEffect;
            this.message = message;
        }

        /** The exception, with the provider's {@code Retry-After} when it is a throttle and the profile has one. */
        GatewayException exception(Optional<Duration> throttleRetryAfter) {
            Duration retryAfter = reason == GatewayException.Reason.THROTTLED ? throttleRetryAfter.orElse(null) : null;
            return new GatewayException(reason, message, retryAfter, null);
        }
    }

    /** A standing rule for starts to one number. */
    enum NumberRule {
        /** Vonage v1 7 (Velocity Rules); the fake refuses the start on v2 as well. */
        BARRED,
        /** Vonage v1 15. */
        UNSUPPORTED_NETWORK,
        /** Vonage v1 3, v2 422 on {@code to}. */
        INVALID,
        /** Vonage v1 1, v2 429. */
        THROTTLED;

        /** The rejection a start to the number gets; empty for a throttle, which is thrown instead. */
        Optional<StartOutcome.RejectionReason> rejection() {
            return switch (this) {
                case BARRED -> Optional.of(StartOutcome.RejectionReason.BARRED);
                case UNSUPPORTED_NETWORK -> Optional.of(StartOutcome.RejectionReason.UNSUPPORTED_NETWORK);
                case INVALID -> Optional.of(StartOutcome.RejectionReason.INVALID_NUMBER);
                case THROTTLED -> Optional.empty();
            };
        }
    }

    private final Map<Operation, Queue<Fault>> nextFaults = new EnumMap<>(Operation.class);
    private final Map<PhoneNumber, NumberRule> numberRules = new HashMap<>();

    void scheduleNext(Operation operation, Fault fault) {
        nextFaults.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(fault);
    }

    /** The fault scripted for this call, consumed, or empty when the call should behave normally. */
    Optional<Fault> takeNext(Operation operation) {
        Queue<Fault> queue = nextFaults.get(operation);
        return queue == null ? Optional.empty() : Optional.ofNullable(queue.poll());
    }

    void setRule(PhoneNumber number, NumberRule rule) {
        numberRules.put(number, rule);
    }

    void clearRule(PhoneNumber number) {
        numberRules.remove(number);
    }

    Optional<NumberRule> ruleFor(PhoneNumber number) {
        return Optional.ofNullable(numberRules.get(number));
    }

    /** The rule of the start's number, or else of the first number one of its steps goes to. */
    Optional<NumberRule> ruleFor(PlannedStart start) {
        if (numberRules.isEmpty()) {
            return Optional.empty();
        }
        return Stream.concat(start.number().stream(), start.to().stream().filter(to -> to.indexOf('@') < 0)
                .map(PhoneNumber::parse)).map(numberRules::get).filter(Objects::nonNull).findFirst();
    }

    void clear() {
        nextFaults.clear();
        numberRules.clear();
    }
}
