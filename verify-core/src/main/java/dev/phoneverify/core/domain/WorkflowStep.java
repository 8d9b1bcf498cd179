package dev.phoneverify.core.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery step of a {@link Workflow}: the channel, and how long the step lasts before the next one starts when
 * the caller wants to say (empty: the gateway's default).
 */
public record WorkflowStep(Channel channel, Optional<Duration> timeout) {
    public WorkflowStep {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new InvalidInputException(InvalidInputException.Field.WORKFLOW, "a step timeout is more than zero");
        }
    }

    /** A step on {@code channel} with the gateway's default timeout. */
    public static WorkflowStep on(Channel channel) {
        return new WorkflowStep(channel, Optional.empty());
    }

    /** This step lasting {@code stepTimeout}. */
    public WorkflowStep lasting(Duration stepTimeout) {
        return new WorkflowStep(channel, Optional.of(stepTimeout));
    }
}
