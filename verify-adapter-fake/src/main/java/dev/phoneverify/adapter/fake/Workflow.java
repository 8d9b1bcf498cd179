package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.util.List;

/**
 * Vonage Verify v1's delivery plans ({@code workflow_id} 1-7) with the waits Vonage uses when no timings are set
 * (facts §1.4). Each wait is the time from one event to the next, the last one to the request's end.
 */
public enum Workflow {
    SMS_TTS_TTS(1, List.of(Channel.SMS, Channel.VOICE, Channel.VOICE), List.of(125, 180, 300)),
    SMS_SMS_TTS(2, List.of(Channel.SMS, Channel.SMS, Channel.VOICE), List.of(125, 180, 300)),
    TTS_TTS(3, List.of(Channel.VOICE, Channel.VOICE), List.of(150, 150)),
    SMS_SMS(4, List.of(Channel.SMS, Channel.SMS), List.of(120, 180)),
    SMS_TTS(5, List.of(Channel.SMS, Channel.VOICE), List.of(120, 180)),
    /** One SMS; the request ends when the PIN expires. */
    SMS(6, List.of(Channel.SMS), List.of()),
    /** One voice call; the request ends when the PIN expires. */
    TTS(7, List.of(Channel.VOICE), List.of());

    private final int id;
    private final List<Channel> events;
    /** Built once: every start asks for them to work out when the request ends. */
    private final List<Duration> defaultWaits;

    Workflow(int id, List<Channel> events, List<Integer> defaultWaitSeconds) {
        this.id = id;
        this.events = events;
        this.defaultWaits = defaultWaitSeconds.stream().map(Duration::ofSeconds).toList();
    }

    /** The workflow with Vonage's {@code workflow_id}. */
    public static Workflow byId(int id) {
        for (Workflow workflow : values()) {
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

    /** The channel of each delivery event, in order. */
    public List<Channel> events() {
        return events;
    }

    /** True for workflows 6 and 7: a single event, and the request lives exactly as long as its PIN. */
    public boolean endsWithPin() {
        return events.size() == 1;
    }

    /** The wait after event {@code index} with default timings (the last one leads to the request's end). */
    Duration defaultWaitAfter(int index) {
        return defaultWaits.get(index);
    }
}
