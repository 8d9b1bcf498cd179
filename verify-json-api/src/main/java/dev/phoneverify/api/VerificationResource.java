package dev.phoneverify.api;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The verification resource's shape. The number is left out, since the caller already has it; {@code endReason}
 * is there once the flow has ended, so a pending flow's fields are the first API's plus {@code remainingSteps}.
 *
 * <p>{@code remainingSteps} names the channels of the delivery steps still to come, in order. A flow does not keep
 * its workflow, and the API starts every flow on the default one, so they are read from the default workflow: the
 * steps after the first one on the flow's current channel. An ended flow has none.
 */
public final class VerificationResource {
    private final Workflow workflow;

    /** @param workflow the workflow a start gets when it asks for none ({@code Verifications.defaultWorkflow()}) */
    public VerificationResource(Workflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
    }

    /** The resource's members, in the order they are written. */
    public Map<String, Object> of(VerificationFlow flow) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", flow.id().value());
        view.put("state", flow.state().name());
        view.put("channel", flow.channel().name());
        view.put("attemptsRemaining", flow.attemptsRemaining());
        view.put("expiresAt", flow.expiresAt().toString());
        flow.endReason().map(EndReason::name).ifPresent(reason -> view.put("endReason", reason));
        view.put("remainingSteps", remainingSteps(flow).stream().map(Channel::name).toList());
        return view;
    }

    /** The channels of the steps after the current one; none once the flow has ended. */
    public List<Channel> remainingSteps(VerificationFlow flow) {
        if (flow.isTerminal()) {
            return List.of();
        }
        List<Channel> channels = workflow.channels();
        int current = channels.indexOf(flow.channel());
        return current < 0 ? List.of() : List.copyOf(channels.subList(current + 1, channels.size()));
    }
}
