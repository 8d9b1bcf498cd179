package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.FlowState;

/** The verification already ended; the command was refused without asking the provider. */
public final class FlowFinishedException extends VerificationException {
    private static final long serialVersionUID = 1L;

    private final FlowState state;

    public FlowFinishedException(FlowState state) {
        super("the verification has already ended: it is " + state);
        this.state = state;
    }

    public FlowState state() {
        return state;
    }
}
