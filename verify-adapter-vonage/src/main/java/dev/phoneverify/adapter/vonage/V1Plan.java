package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.vonage.model.V1Event;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Verify v1 request's steps, read from the model's {@link V1Timings} (facts 1.4 and 1.6): the adapter keeps no
 * copy of Vonage's rules.
 */
record V1Plan(V1Timings timings) implements StepPlan {
    V1Plan {
        Objects.requireNonNull(timings, "timings");
    }

    /** The port's channel for a v1 event. */
    static Channel channelOf(V1Event event) {
        return switch (event) {
            case SMS -> Channel.SMS;
            case TTS -> Channel.VOICE;
        };
    }

    /** The workflow's events as the port's workflow. */
    Workflow workflow() {
        return Workflow.of(timings.workflow().events().stream().map(V1Plan::channelOf).toArray(Channel[]::new));
    }

    @Override
    public int lastStep() {
        return timings.workflow().eventCount() - 1;
    }

    @Override
    public Channel channelOf(int step) {
        return channelOf(timings.workflow().events().get(step));
    }

    @Override
    public Duration waitAfter(int step) {
        return timings.waitAfter(step);
    }

    @Override
    public Instant endOfRequest(int step, Instant stepStartedAt) {
        return timings.requestEnd(step, stepStartedAt);
    }
}
