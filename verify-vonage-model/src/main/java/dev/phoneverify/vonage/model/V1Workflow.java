package dev.phoneverify.vonage.model;

import static dev.phoneverify.vonage.model.V1Event.SMS;
import static dev.phoneverify.vonage.model.V1Event.TTS;

import java.time.Duration;
import java.util.List;

/**
 * Verify v1's delivery plans, {@code workflow_id} 1 to 7, with the waits Vonage uses when no timings are set (facts
 * 1.4). Each wait runs from one event to the next; the last one runs to the request's end.
 */
public enum V1Workflow {
    SMS_TTS_TTS(1, List.of(SMS, TTS, TTS), List.of(125, 180, 300)),
    SMS_SMS_TTS(2, List.of(SMS, SMS, TTS), List.of(125, 180, 300)),
    TTS_TTS(3, List.of(TTS, TTS), List.of(150, 150)),
    SMS_SMS(4, List.of(SMS, SMS), List.of(120, 180)),
    SMS_TTS(5, List.of(SMS, TTS), List.of(120, 180)),
    /** One SMS; the request ends when its PIN expires. */
    SMS_ONLY(6, List.of(SMS), List.of(300)),
    /** One call; the request ends when its PIN expires. */
    TTS_ONLY(7, List.of(TTS), List.of(300));

    private final int id;
    private final List<V1Event> events;
    private final List<Duration> defaultWaits;

    V1Workflow(int id, List<V1Event> events, List<Integer> defaultWaitSeconds) {
        this.id = id;
        this.events = events;
        this.defaultWaits = defaultWaitSeconds.stream().map(Duration::ofSeconds).toList();
    }

    /** The workflow with Vonage's {@code workflow_id}. */
    public static V1Workflow byId(int id) {
        for (V1Workflow workflow : values()) {
            if (workflow.id == id) {
                return workflow;
            }
        }
        throw new IllegalArgumentException("workflow_id is 1 to 7, was " + id);
    }

    /** Vonage's {@code workflow_id}. */
    public int id() {
        return id;
    }

    /** Each delivery event, in order. */
    public List<V1Event> events() {
        return events;
    }

    /** How many delivery events the workflow has. */
    public int eventCount() {
        return events.size();
    }

    /** True for workflows 6 and 7: one event, and the request lives exactly as long as its PIN. */
    public boolean endsWithPin() {
        return events.size() == 1;
    }

    /** The wait after event {@code index} with default timings; after the last event it runs to the request's end. */
    public Duration defaultWaitAfter(int index) {
        return defaultWaits.get(index);
    }
}
