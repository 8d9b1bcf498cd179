package dev.phoneverify.core.support;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.GatewayCapabilities;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Test builder of {@link GatewayCapabilities}: starts from a provider's description and changes one thing at a
 * time, so a test says only the capability it is about.
 */
public final class CapabilitiesBuilder {
    private Set<Channel> channels;
    private Set<Integer> codeLengths;
    private Workflow defaultWorkflow;
    private boolean customWorkflows;
    private Optional<GatewayCapabilities.StepTimeoutRange> stepTimeouts;
    private boolean customCode;
    private boolean clientReference;
    private boolean statusLookup;
    private boolean pushesStatus;
    private CancelConstraints cancel;
    private boolean nextStep;
    private CodeAlphabet codeAlphabet = CodeAlphabet.DIGITS;

    private CapabilitiesBuilder() {
    }

    /**
     * What Vonage Verify v1 offers: SMS then two voice calls and nothing else, 4 or 6 digits, a status lookup, cancel
     * from 30 seconds until the second step, next step.
     */
    public static CapabilitiesBuilder v1Like() {
        CapabilitiesBuilder v1 = new CapabilitiesBuilder();
        v1.channels = Set.of(Channel.SMS, Channel.VOICE);
        v1.codeLengths = Set.of(4, 6);
        v1.defaultWorkflow = Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE);
        v1.customWorkflows = false;
        v1.stepTimeouts = Optional.empty();
        v1.customCode = false;
        v1.clientReference = false;
        v1.statusLookup = true;
        v1.pushesStatus = false;
        v1.cancel = new CancelConstraints(true, Duration.ofSeconds(30), true);
        v1.nextStep = true;
        return v1;
    }

    /**
     * What Vonage Verify v2 offers: every channel in workflows of the caller's choice, step timeouts from 15 seconds
     * to 15 minutes, 4 to 10 digits, custom codes and client references, pushed status but no lookup, cancel at any
     * time, next step.
     */
    public static CapabilitiesBuilder v2Like() {
        CapabilitiesBuilder v2 = new CapabilitiesBuilder();
        v2.channels = Set.of(Channel.values());
        v2.codeLengths = Set.of(4, 5, 6, 7, 8, 9, 10);
        v2.defaultWorkflow = Workflow.of(Channel.SMS, Channel.VOICE);
        v2.customWorkflows = true;
        v2.stepTimeouts = Optional.of(
                new GatewayCapabilities.StepTimeoutRange(Duration.ofSeconds(15), Duration.ofMinutes(15)));
        v2.customCode = true;
        v2.clientReference = true;
        v2.statusLookup = false;
        v2.pushesStatus = true;
        v2.cancel = CancelConstraints.anyTime();
        v2.nextStep = true;
        return v2;
    }

    public CapabilitiesBuilder channels(Channel... offered) {
        this.channels = Set.of(offered);
        return this;
    }

    public CapabilitiesBuilder codeLengths(Integer... lengths) {
        this.codeLengths = Set.of(lengths);
        return this;
    }

    public CapabilitiesBuilder defaultWorkflow(Workflow workflow) {
        this.defaultWorkflow = workflow;
        return this;
    }

    public CapabilitiesBuilder customWorkflows(boolean allowed) {
        this.customWorkflows = allowed;
        return this;
    }

    public CapabilitiesBuilder stepTimeouts(Duration min, Duration max) {
        this.stepTimeouts = Optional.of(new GatewayCapabilities.StepTimeoutRange(min, max));
        return this;
    }

    public CapabilitiesBuilder noStepTimeouts() {
        this.stepTimeouts = Optional.empty();
        return this;
    }

    public CapabilitiesBuilder customCode(boolean allowed) {
        this.customCode = allowed;
        return this;
    }

    public CapabilitiesBuilder clientReference(boolean allowed) {
        this.clientReference = allowed;
        return this;
    }

    public CapabilitiesBuilder statusLookup(boolean available) {
        this.statusLookup = available;
        return this;
    }

    public CapabilitiesBuilder pushesStatus(boolean pushes) {
        this.pushesStatus = pushes;
        return this;
    }

    public CapabilitiesBuilder cancel(CancelConstraints constraints) {
        this.cancel = constraints;
        return this;
    }

    public CapabilitiesBuilder nextStep(boolean available) {
        this.nextStep = available;
        return this;
    }

    public CapabilitiesBuilder codeAlphabet(CodeAlphabet alphabet) {
        this.codeAlphabet = alphabet;
        return this;
    }

    public GatewayCapabilities build() {
        return new GatewayCapabilities(channels, codeLengths, defaultWorkflow, customWorkflows, stepTimeouts,
                customCode, clientReference, statusLookup, pushesStatus, cancel, nextStep, codeAlphabet);
    }
}
