package dev.phoneverify.core.domain;

/** A move the state machine does not allow, such as checking a code on a flow that already ended. */
public final class IllegalTransitionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final FlowState state;

    public IllegalTransitionException(FlowState state, String move) {
        super("cannot " + move + ": the verification is " + state);
        this.state = state;
    }

    /** The state the flow was in. */
    public FlowState state() {
        return state;
    }
}
