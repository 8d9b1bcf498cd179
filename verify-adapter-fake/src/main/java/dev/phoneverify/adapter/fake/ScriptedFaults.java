package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * The failures a tester asked for: one-shot faults per operation, in the order scripted, and standing rules per
 * number. Guarded by the owning gateway's lock.
 */
final class ScriptedFaults {

    /** A one-shot fault for the next call of an operation. */
    enum Fault {
        UNAVAILABLE(GatewayException.Reason.UNAVAILABLE, true, "scripted fault: provider unavailable"),
        TIMEOUT(GatewayException.Reason.TIMEOUT, true, "scripted fault: no answer within the timeout"),
        THROTTLED(GatewayException.Reason.THROTTLED, true, "scripted fault: throttled (Vonage 1)"),
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

        GatewayException exception() {
            return new GatewayException(reason, message);
        }
    }

    /** A standing rule for starts to one number. */
    enum NumberRule {
        BARRED(StartOutcome.RejectionReason.BARRED,
                "The number you are trying to verify is blacklisted for verification (Vonage 7)"),
        UNSUPPORTED_NETWORK(StartOutcome.RejectionReason.UNSUPPORTED_NETWORK,
                "The request has been rejected: the destination network is not supported (Vonage 15)"),
        INVALID(StartOutcome.RejectionReason.INVALID_NUMBER, "Invalid value for param: number (Vonage 3)"),
        THROTTLED(null, "Throttled: too many requests for this number (Vonage 1)");

        final StartOutcome.RejectionReason rejection;
        final String detail;

        NumberRule(StartOutcome.RejectionReason rejection, String detail) {
            this.rejection = rejection;
            this.detail = detail;
        }
    }

    private final Map<Operation, Queue<Fault>> nextFaults = new EnumMap<>(Operation.class);
    private final Map<PhoneNumber, NumberRule> numberRules = new HashMap<>();

    void scheduleNext(Operation operation, Fault fault) {
        nextFaults.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(fault);
    }

    /** The fault scripted for this call, consumed, or null when the call should behave normally. */
    Fault takeNext(Operation operation) {
        Queue<Fault> queue = nextFaults.get(operation);
        return queue == null ? null : queue.poll();
    }

    void setRule(PhoneNumber number, NumberRule rule) {
        numberRules.put(number, rule);
    }

    void clearRule(PhoneNumber number) {
        numberRules.remove(number);
    }

    NumberRule ruleFor(PhoneNumber number) {
        return numberRules.get(number);
    }

    void clear() {
        nextFaults.clear();
        numberRules.clear();
    }
}
