package dev.phoneverify.vonage.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One v1 request's workflow and timings ({@code workflow_id}, {@code pin_expiry}, {@code next_event_wait}, facts
 * 1.2), and what follows from them: when each event happens, when a PIN expires, and when the request ends. An
 * empty timing means "not set", which matters: Vonage treats an explicit pair differently from defaults.
 *
 * <p>The rules, with their facts sections:
 * <ul>
 *   <li>{@code pin_expiry} is 60-3600 s (default 300) and {@code next_event_wait} 60-900 s; when both are set and
 *       the first is not a multiple of the second, the PIN lives {@code next_event_wait} (1.2).</li>
 *   <li>{@code next_event_wait} is "the wait between delivery attempts" (1.2): it replaces the waits from one event
 *       to the next, not the wait after the last event.</li>
 *   <li>The request ends after the last event's wait of the table in 1.4 (1.6, "Expiry"); workflows 6 and 7 end
 *       after the PIN's lifetime. So workflow 1 ends at 605 s whatever {@code pin_expiry} says: with
 *       {@code pin_expiry} 600 the PIN sent at 0 s is simply re-sent at 125 s and 305 s.</li>
 * </ul>
 */
public record V1Timings(V1Workflow workflow, Optional<Duration> pinExpiry, Optional<Duration> nextEventWait) {
    public static final Duration MIN_PIN_EXPIRY = Duration.ofSeconds(60);
    public static final Duration MAX_PIN_EXPIRY = Duration.ofSeconds(3600);
    public static final Duration MIN_NEXT_EVENT_WAIT = Duration.ofSeconds(60);
    public static final Duration MAX_NEXT_EVENT_WAIT = Duration.ofSeconds(900);
    /** The PIN's lifetime when {@code pin_expiry} is not set. */
    public static final Duration DEFAULT_PIN_EXPIRY = Duration.ofSeconds(300);

    public V1Timings {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(pinExpiry, "pinExpiry");
        Objects.requireNonNull(nextEventWait, "nextEventWait");
        pinExpiry.ifPresent(value -> requireWholeSecondsBetween("pin_expiry", value, MIN_PIN_EXPIRY, MAX_PIN_EXPIRY));
        nextEventWait.ifPresent(value ->
                requireWholeSecondsBetween("next_event_wait", value, MIN_NEXT_EVENT_WAIT, MAX_NEXT_EVENT_WAIT));
    }

    /** Workflow 1 with Vonage's default timings. */
    public static V1Timings defaults() {
        return of(V1Workflow.SMS_TTS_TTS);
    }

    /** {@code workflow} with Vonage's default timings. */
    public static V1Timings of(V1Workflow workflow) {
        return new V1Timings(workflow, Optional.empty(), Optional.empty());
    }

    public V1Timings withWorkflow(V1Workflow newWorkflow) {
        return new V1Timings(newWorkflow, pinExpiry, nextEventWait);
    }

    public V1Timings withPinExpiry(Duration newPinExpiry) {
        return new V1Timings(workflow, Optional.of(newPinExpiry), nextEventWait);
    }

    public V1Timings withNextEventWait(Duration newNextEventWait) {
        return new V1Timings(workflow, pinExpiry, Optional.of(newNextEventWait));
    }

    /** How long one PIN lives (facts 1.2). */
    public Duration effectivePinExpiry() {
        Duration pin = pinExpiry.orElse(DEFAULT_PIN_EXPIRY);
        if (pinExpiry.isPresent() && nextEventWait.isPresent()
                && pin.getSeconds() % nextEventWait.get().getSeconds() != 0) {
            return nextEventWait.get();
        }
        return pin;
    }

    /** The wait after event {@code index}; after the last event it runs to the request's end. */
    public Duration waitAfter(int index) {
        if (workflow.endsWithPin()) {
            return effectivePinExpiry();
        }
        boolean last = index == workflow.eventCount() - 1;
        return last ? workflow.defaultWaitAfter(index) : nextEventWait.orElseGet(() -> workflow.defaultWaitAfter(index));
    }

    /** How long from event {@code index} to the request's end, if nobody acts. */
    public Duration remainingFrom(int index) {
        Duration remaining = Duration.ZERO;
        for (int i = index; i < workflow.eventCount(); i++) {
            remaining = remaining.plus(waitAfter(i));
        }
        return remaining;
    }

    /** When a request ends that reached event {@code index} at {@code eventAt}, if nobody acts. */
    public Instant requestEnd(int index, Instant eventAt) {
        return eventAt.plus(remainingFrom(index));
    }

    private static void requireWholeSecondsBetween(String name, Duration value, Duration min, Duration max) {
        if (value.getNano() != 0 || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " is a whole number of seconds from " + min.getSeconds()
                    + " to " + max.getSeconds() + ", was " + value);
        }
    }
}
