package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.Refusal.Capability;
import dev.phoneverify.core.usecase.StartCommand;
import java.util.Optional;

/** Checks what a command asks for against what the gateway can do, before the provider is called. */
final class GatewayFit {
    private final GatewayCapabilities capabilities;

    GatewayFit(GatewayCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    /** What the gateway lacks to send {@code workflow} with codes of {@code codeLength}, if anything. */
    Optional<Capability> missingFor(Workflow workflow, int codeLength) {
        if (!capabilities.channels().containsAll(workflow.channels())) {
            return Optional.of(Capability.CHANNEL);
        }
        if (!capabilities.customWorkflows() && !workflow.channels().equals(capabilities.defaultWorkflow().channels())) {
            return Optional.of(Capability.WORKFLOW);
        }
        for (WorkflowStep step : workflow.steps()) {
            if (step.timeout().isPresent() && capabilities.stepTimeouts()
                    .filter(range -> range.contains(step.timeout().get())).isEmpty()) {
                return Optional.of(Capability.STEP_TIMEOUT);
            }
        }
        if (!capabilities.codeLengths().contains(codeLength)) {
            return Optional.of(Capability.CODE_LENGTH);
        }
        return Optional.empty();
    }

    /** The refusal for a start the gateway cannot do, if it cannot. */
    Optional<Refusal> refusalFor(StartCommand command, Workflow workflow, int codeLength) {
        Optional<Capability> missing = missingFor(workflow, codeLength);
        boolean customCodeFits = command.customCode().map(code -> capabilities.customCode()
                && (!code.hasLetters() || capabilities.codeAlphabet() == CodeAlphabet.LETTERS_AND_DIGITS)).orElse(true);
        if (missing.isEmpty() && !customCodeFits) {
            missing = Optional.of(Capability.CUSTOM_CODE);
        }
        if (missing.isEmpty() && command.clientReference().isPresent() && !capabilities.clientReference()) {
            missing = Optional.of(Capability.CLIENT_REFERENCE);
        }
        return missing.map(Refusal.Unsupported::new);
    }

    boolean canCancel() {
        return capabilities.cancel().supported();
    }

    boolean canMoveToNextStep() {
        return capabilities.nextStep();
    }
}
