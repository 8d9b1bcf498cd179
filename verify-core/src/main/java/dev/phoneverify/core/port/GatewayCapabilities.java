package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.Workflow;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one provider can do, as its gateway describes it. The use cases check every start and command against it
 * and refuse what the provider cannot do before calling it.
 *
 * @param channels          the channels a workflow may use
 * @param codeLengths       the code lengths the provider generates
 * @param defaultWorkflow   the workflow a start gets when it asks for none
 * @param customWorkflows   false when the provider runs only {@code defaultWorkflow} (set by the gateway's own
 *                          options, as Vonage v1's {@code workflow_id} is)
 * @param stepTimeouts      the range a step's own timeout may take; empty when steps cannot name one
 * @param customCode        true when a start may bring its own code
 * @param clientReference   true when a start may carry the caller's reference
 * @param statusLookup      true when {@link VerificationGateway#status} can say how a request ended
 * @param pushesStatus      true when the provider reports step and request changes by itself (through the core's
 *                          provider-status use case)
 * @param cancel            when a cancel is accepted
 * @param nextStep          true when a user may move delivery to the next step
 * @param codeAlphabet      what a code the caller brings (a custom code, a code to check) may hold; the codes the
 *                          provider generates are digits whatever this says
 */
public record GatewayCapabilities(
        Set<Channel> channels,
        Set<Integer> codeLengths,
        Workflow defaultWorkflow,
        boolean customWorkflows,
        Optional<StepTimeoutRange> stepTimeouts,
        boolean customCode,
        boolean clientReference,
        boolean statusLookup,
        boolean pushesStatus,
        CancelConstraints cancel,
        boolean nextStep,
        CodeAlphabet codeAlphabet) {

    public GatewayCapabilities {
        channels = Set.copyOf(channels);
        codeLengths = Set.copyOf(codeLengths);
        Objects.requireNonNull(defaultWorkflow, "defaultWorkflow");
        Objects.requireNonNull(stepTimeouts, "stepTimeouts");
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(codeAlphabet, "codeAlphabet");
        if (!channels.containsAll(defaultWorkflow.channels())) {
            throw new IllegalArgumentException("the default workflow uses a channel the gateway does not offer");
        }
        if (codeLengths.isEmpty()) {
            throw new IllegalArgumentException("a gateway generates codes of at least one length");
        }
    }

    /** Capabilities of a gateway that takes codes of digits only, as every provider did before v2's custom codes. */
    public GatewayCapabilities(Set<Channel> channels, Set<Integer> codeLengths, Workflow defaultWorkflow,
                               boolean customWorkflows, Optional<StepTimeoutRange> stepTimeouts, boolean customCode,
                               boolean clientReference, boolean statusLookup, boolean pushesStatus,
                               CancelConstraints cancel, boolean nextStep) {
        this(channels, codeLengths, defaultWorkflow, customWorkflows, stepTimeouts, customCode, clientReference,
                statusLookup, pushesStatus, cancel, nextStep, CodeAlphabet.DIGITS);
    }

    /** The shortest and longest a step may last when it names its own timeout. */
    public record StepTimeoutRange(Duration min, Duration max) {
        public StepTimeoutRange {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("a step timeout range runs from a minimum up to a maximum");
            }
        }

        /** True when {@code timeout} is within the range. */
        public boolean contains(Duration timeout) {
            return timeout.compareTo(min) >= 0 && timeout.compareTo(max) <= 0;
        }
    }
}
