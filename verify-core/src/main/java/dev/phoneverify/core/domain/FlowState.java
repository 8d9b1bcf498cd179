package dev.phoneverify.core.domain;

/** Where a verification flow stands. Every state but {@link #PENDING} is final. */
public enum FlowState {
    /** A code was sent; waiting for the user's code. */
    PENDING(false),
    /** A correct code was checked. */
    VERIFIED(true),
    /** Too many wrong codes. */
    FAILED(true),
    /** The request's lifetime passed, or the provider no longer knows it. */
    EXPIRED(true),
    /** Cancelled on request. */
    CANCELLED(true);

    private final boolean terminal;

    FlowState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}
