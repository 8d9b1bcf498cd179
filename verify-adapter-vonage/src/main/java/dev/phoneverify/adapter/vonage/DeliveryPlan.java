package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery steps of one Vonage v1 workflow and the wait after each (facts 1.4).
 *
 * <p>Vonage's control answers do not say which channel a request moved to, nor when it ends, so the adapter works
 * them out from this plan.
 *
 * <p>With custom timings (an inference; Vonage documents only the defaults): every wait between two steps is
 * {@code next_event_wait}, and the wait after the last step is {@code pin_expiry}, else {@code next_event_wait},
 * else the workflow's default.
 */
final class DeliveryPlan {
    private static final Channel S = Channel.SMS;
    private static final Channel V = Channel.VOICE;

    private final List<Channel> channels;
    private final List<Duration> waits;

    private DeliveryPlan(List<Channel> channels, List<Duration> waits) {
        this.channels = List.copyOf(channels);
        this.waits = List.copyOf(waits);
    }

    static DeliveryPlan of(VonageConfig config) {
        List<Channel> channels;
        long[] defaultWaitsSeconds;
        switch (config.workflowId()) {
            case 1: channels = List.of(S, V, V); defaultWaitsSeconds = new long[] {125, 180, 300}; break;
            case 2: channels = List.of(S, S, V); defaultWaitsSeconds = new long[] {125, 180, 300}; break;
            case 3: channels = List.of(V, V); defaultWaitsSeconds = new long[] {150, 150}; break;
            case 4: channels = List.of(S, S); defaultWaitsSeconds = new long[] {120, 180}; break;
            case 5: channels = List.of(S, V); defaultWaitsSeconds = new long[] {120, 180}; break;
            case 6: channels = List.of(S); defaultWaitsSeconds = new long[] {300}; break;
            case 7: channels = List.of(V); defaultWaitsSeconds = new long[] {300}; break;
            default: throw new IllegalArgumentException("workflowId must be 1 to 7, was " + config.workflowId());
        }
        List<Duration> waits = new ArrayList<>();
        int last = channels.size() - 1;
        for (int step = 0; step <= last; step++) {
            Duration wait = Duration.ofSeconds(defaultWaitsSeconds[step]);
            if (step < last) {
                wait = config.nextEventWait().orElse(wait);
            } else {
                wait = config.pinExpiry().or(config::nextEventWait).orElse(wait);
            }
            waits.add(wait);
        }
        return new DeliveryPlan(channels, waits);
    }

    int lastStep() {
        return channels.size() - 1;
    }

    Channel channelOf(int step) {
        return channels.get(step);
    }

    Duration waitAfter(int step) {
        return waits.get(step);
    }

    /** When a request ends if it reached {@code step} at {@code stepStartedAt} and nobody acts. */
    Instant endOfRequest(int step, Instant stepStartedAt) {
        Instant end = stepStartedAt;
        for (int i = step; i <= lastStep(); i++) {
            end = end.plus(waits.get(i));
        }
        return end;
    }
}
