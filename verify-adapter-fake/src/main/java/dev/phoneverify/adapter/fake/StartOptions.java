package dev.phoneverify.adapter.fake;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-request delivery settings beyond the port's {@link dev.phoneverify.core.port.StartRequest}: Vonage's
 * {@code workflow_id}, {@code pin_expiry} and {@code next_event_wait} (facts §1.2). An empty timing means "not set",
 * which matters: Vonage treats an explicit pair differently from defaults.
 */
public record StartOptions(Workflow workflow, Optional<Duration> pinExpiry, Optional<Duration> nextEventWait) {
    public static final Duration MIN_PIN_EXPIRY = Duration.ofSeconds(60);
    public static final Duration MAX_PIN_EXPIRY = Duration.ofSeconds(3600);
    public static final Duration MIN_NEXT_EVENT_WAIT = Duration.ofSeconds(60);
    public static final Duration MAX_NEXT_EVENT_WAIT = Duration.ofSeconds(900);
    /** Vonage's PIN lifetime when {@code pin_expiry} is not set. */
    public static final Duration DEFAULT_PIN_EXPIRY = Duration.ofSeconds(300);

    public StartOptions {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(pinExpiry, "pinExpiry");
        Objects.requireNonNull(nextEventWait, "nextEventWait");
        pinExpiry.ifPresent(value -> requireWholeSecondsBetween("pin_expiry", value, MIN_PIN_EXPIRY, MAX_PIN_EXPIRY));
        nextEventWait.ifPresent(value ->
                requireWholeSecondsBetween("next_event_wait", value, MIN_NEXT_EVENT_WAIT, MAX_NEXT_EVENT_WAIT));
    }

    /** Workflow 1 with Vonage's default timings. */
    public static StartOptions defaults() {
        return new StartOptions(Workflow.SMS_TTS_TTS, Optional.empty(), Optional.empty());
    }

    public StartOptions withWorkflow(Workflow newWorkflow) {
        return new StartOptions(newWorkflow, pinExpiry, nextEventWait);
    }

    public StartOptions withPinExpiry(Duration newPinExpiry) {
        return new StartOptions(workflow, Optional.of(newPinExpiry), nextEventWait);
    }

    public StartOptions withNextEventWait(Duration newNextEventWait) {
        return new StartOptions(workflow, pinExpiry, Optional.of(newNextEventWait));
    }

    /**
     * How long a PIN lives. When both timings are set, {@code pin_expiry} must be a multiple of
     * {@code next_event_wait}, otherwise Vonage sets it equal to {@code next_event_wait} (facts §1.2).
     */
    public Duration effectivePinExpiry() {
        Duration pin = pinExpiry.orElse(DEFAULT_PIN_EXPIRY);
        if (pinExpiry.isPresent() && nextEventWait.isPresent()
                && pin.getSeconds() % nextEventWait.get().getSeconds() != 0) {
            return nextEventWait.get();
        }
        return pin;
    }

    /**
     * The wait after event {@code index}; after the last event it leads to the request's end. An explicit
     * {@code next_event_wait} replaces every wait [inference from facts §1.2 and §1.4: Vonage calls it "the wait
     * between delivery attempts"]; workflows 6 and 7 end when their only PIN expires.
     */
    Duration waitAfter(int index) {
        if (workflow.endsWithPin()) {
            return effectivePinExpiry();
        }
        return nextEventWait.orElseGet(() -> workflow.defaultWaitAfter(index));
    }

    /** From event {@code index} to the request's end. */
    Duration remainingFrom(int index) {
        // Every wait is whole seconds (checked above, and the defaults are), so adding seconds loses nothing and
        // builds one Duration instead of one per step.
        long seconds = 0;
        for (int i = index; i < workflow.events().size(); i++) {
            seconds += waitAfter(i).getSeconds();
        }
        return Duration.ofSeconds(seconds);
    }

    private static void requireWholeSecondsBetween(String name, Duration value, Duration min, Duration max) {
        if (value.getNano() != 0 || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " is a whole number of seconds from " + min.getSeconds()
                    + " to " + max.getSeconds() + ", was " + value);
        }
    }
}
