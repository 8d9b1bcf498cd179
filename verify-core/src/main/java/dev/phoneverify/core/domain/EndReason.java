package dev.phoneverify.core.domain;

/**
 * Why a flow ended. Each reason belongs to exactly one terminal {@link FlowState}, so a flow's state and its reason
 * never disagree; apps word the reason for their users.
 */
public enum EndReason {
    /** The user typed the right code. */
    CODE_VERIFIED(FlowState.VERIFIED),
    /** The provider said the request was verified: a lost answer reconciled, or a pushed status. */
    VERIFIED_AT_PROVIDER(FlowState.VERIFIED),
    /** Too many wrong codes. */
    TOO_MANY_WRONG_CODES(FlowState.FAILED),
    /** The provider ended the request as failed without saying more. */
    FAILED_AT_PROVIDER(FlowState.FAILED),
    /** The provider blocked the request, for example by its fraud rules. */
    BLOCKED_BY_PROVIDER(FlowState.FAILED),
    /** The flow's own time ran out (the provider's request end, capped by the policy). */
    TIMED_OUT(FlowState.EXPIRED),
    /** The provider said the request expired: every delivery step passed without a right code. */
    EXPIRED_AT_PROVIDER(FlowState.EXPIRED),
    /** The provider no longer knows the request and cannot say how it ended. */
    UNKNOWN_TO_PROVIDER(FlowState.EXPIRED),
    /** Cancelled through this library. */
    CANCELLED_ON_REQUEST(FlowState.CANCELLED),
    /** The provider reported the request cancelled. */
    CANCELLED_AT_PROVIDER(FlowState.CANCELLED);

    private final FlowState state;

    EndReason(FlowState state) {
        this.state = state;
    }

    /** The terminal state a flow ending for this reason is in. */
    public FlowState state() {
        return state;
    }
}
