package dev.phoneverify.core.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The delivery steps a verification asks for, in order: one to three, each on a channel. The next step starts when
 * the previous one times out or the user asks for it ("call me instead").
 */
public record Workflow(List<WorkflowStep> steps) {
    public static final int MAX_STEPS = 3;

    public Workflow {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty() || steps.size() > MAX_STEPS) {
            throw new InvalidInputException(InvalidInputException.Field.WORKFLOW,
                    "a workflow has 1 to " + MAX_STEPS + " steps, this one has " + steps.size());
        }
    }

    /** Steps on these channels, each with the gateway's default timeout. */
    public static Workflow of(Channel... channels) {
        return new Workflow(Arrays.stream(channels).map(WorkflowStep::on).toList());
    }

    /** Parses a comma list such as {@code sms,voice} or {@code whatsapp,sms,voice}. */
    public static Workflow parse(String commaList) {
        if (commaList == null || commaList.isBlank()) {
            throw new InvalidInputException(InvalidInputException.Field.WORKFLOW,
                    "a workflow is a comma list of channels, such as sms,voice");
        }
        return new Workflow(Arrays.stream(commaList.split(",", -1)).map(Channel::parse).map(WorkflowStep::on).toList());
    }

    /** The same channels, every step lasting {@code stepTimeout}. */
    public Workflow withStepTimeout(Duration stepTimeout) {
        return new Workflow(steps.stream().map(step -> step.lasting(stepTimeout)).toList());
    }

    /** The channel of each step, in order. */
    public List<Channel> channels() {
        return steps.stream().map(WorkflowStep::channel).toList();
    }

    /** The channel of the first step: where the first code goes. */
    public Channel firstChannel() {
        return steps.get(0).channel();
    }

    /** True when some step sends the code by email, so the start needs an address. */
    public boolean hasEmailStep() {
        return steps.stream().anyMatch(step -> step.channel() == Channel.EMAIL);
    }

    /** True when some step names its own timeout. */
    public boolean hasStepTimeouts() {
        return steps.stream().anyMatch(step -> step.timeout().isPresent());
    }

    /** {@code sms,voice}. */
    @Override
    public String toString() {
        return String.join(",", channels().stream().map(Channel::wireName).toList());
    }
}
