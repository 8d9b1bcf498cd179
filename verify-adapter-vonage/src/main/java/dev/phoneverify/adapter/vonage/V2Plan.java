package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Verify v2 request's steps: the workflow it was started with, each step lasting the request's one
 * {@code channel_timeout}. When a step times out the next starts at once, and the request ends when the last step
 * times out (facts 2.6).
 */
record V2Plan(List<Channel> channels, Duration stepTimeout) implements StepPlan {
    V2Plan {
        channels = List.copyOf(channels);
        Objects.requireNonNull(stepTimeout, "stepTimeout");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("a v2 request has at least one step");
        }
    }

    @Override
    public int lastStep() {
        return channels.size() - 1;
    }

    @Override
    public Channel channelOf(int step) {
        return channels.get(step);
    }

    @Override
    public Duration waitAfter(int step) {
        return stepTimeout;
    }
}
