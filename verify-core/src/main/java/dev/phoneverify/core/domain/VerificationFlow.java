package dev.phoneverify.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One verification as the app sees it: an immutable snapshot changed only through transition methods, each of
 * which returns the next snapshot and refuses illegal moves by naming the current state.
 *
 * <p>{@code version} grows by one with every transition, so stores can refuse a lost update.
 *
 * @param channel           how the code goes out in the current delivery step
 * @param attemptsRemaining wrong codes the user may still enter: the lower of the policy's count and the
 *                          provider's, when the provider tells
 * @param stepStartedAt     when the current delivery step began, as far as this flow knows; a step update the
 *                          provider pushes from before it is stale
 * @param expiresAt         when the provider's request ends, capped by the policy's maximum lifetime
 * @param endReason         why the flow ended; empty while it is pending
 */
public record VerificationFlow(
        FlowId id,
        PhoneNumber number,
        RequestId requestId,
        FlowState state,
        Channel channel,
        int wrongAttempts,
        int attemptsRemaining,
        Instant createdAt,
        Instant updatedAt,
        Instant stepStartedAt,
        Instant expiresAt,
        Optional<EndReason> endReason,
        long version) {

    public VerificationFlow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(stepStartedAt, "stepStartedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(endReason, "endReason");
        if (wrongAttempts < 0 || attemptsRemaining < 0) {
            throw new IllegalArgumentException("attempt counts cannot be negative");
        }
        if (state.isTerminal() != endReason.isPresent() || endReason.filter(r -> r.state() != state).isPresent()) {
            throw new IllegalArgumentException("a flow has an end reason exactly when it has ended, and it matches "
                    + "its state: " + state + " with " + endReason);
        }
    }

    /** A flow whose code the gateway has just sent at {@code now}. */
    public static VerificationFlow started(FlowId id, PhoneNumber number, RequestId requestId, Channel channel,
                                           Instant now, Instant requestEndsAt, VerificationPolicy policy) {
        return new VerificationFlow(id, number, requestId, FlowState.PENDING, channel, 0,
                policy.maxWrongAttempts(), now, now, now, cap(now, requestEndsAt, policy), Optional.empty(), 0);
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** True once the clock has reached the expiry of a pending flow. */
    public boolean isDueToExpire(Instant now) {
        return state == FlowState.PENDING && !now.isBefore(expiresAt);
    }

    /**
     * A wrong code was checked. The flow fails once no attempts remain by the policy or by the provider.
     *
     * @param providerAttemptsRemaining what the provider says is left, if it says
     */
    public VerificationFlow wrongCode(Instant now, OptionalInt providerAttemptsRemaining, VerificationPolicy policy) {
        requirePending("check a code");
        int wrong = wrongAttempts + 1;
        int remaining = Math.max(0, policy.maxWrongAttempts() - wrong);
        if (providerAttemptsRemaining.isPresent()) {
            remaining = Math.min(remaining, Math.max(0, providerAttemptsRemaining.getAsInt()));
        }
        if (remaining == 0) {
            return next(FlowState.FAILED, channel, wrong, 0, stepStartedAt, expiresAt, EndReason.TOO_MANY_WRONG_CODES,
                    now);
        }
        return next(FlowState.PENDING, channel, wrong, remaining, stepStartedAt, expiresAt, null, now);
    }

    /** The provider ended the request because this wrong code was one too many. */
    public VerificationFlow failedOnWrongCode(Instant now) {
        requirePending("fail");
        return next(FlowState.FAILED, channel, wrongAttempts + 1, 0, stepStartedAt, expiresAt,
                EndReason.TOO_MANY_WRONG_CODES, now);
    }

    /** The flow ends for {@code reason}; a failed flow has no attempts left. */
    public VerificationFlow ended(EndReason reason, Instant now) {
        requirePending("end");
        int remaining = reason.state() == FlowState.FAILED ? 0 : attemptsRemaining;
        return next(reason.state(), channel, wrongAttempts, remaining, stepStartedAt, expiresAt, reason, now);
    }

    /** Delivery moved to the next step at {@code now}; the provider may have moved the request's end. */
    public VerificationFlow advanced(Channel newChannel, Instant requestEndsAt, Instant now, VerificationPolicy policy) {
        requirePending("move to the next step");
        Objects.requireNonNull(newChannel, "newChannel");
        return next(FlowState.PENDING, newChannel, wrongAttempts, attemptsRemaining, now,
                cap(createdAt, requestEndsAt, policy), null, now);
    }

    /** The provider reports that a step on {@code newChannel} started at {@code stepStart}. */
    public VerificationFlow stepStarted(Channel newChannel, Instant stepStart, Instant now) {
        requirePending("start a delivery step");
        Objects.requireNonNull(newChannel, "newChannel");
        return next(FlowState.PENDING, newChannel, wrongAttempts, attemptsRemaining, stepStart, expiresAt, null, now);
    }

    private void requirePending(String move) {
        if (state != FlowState.PENDING) {
            throw new IllegalTransitionException(state, move);
        }
    }

    private VerificationFlow next(FlowState nextState, Channel nextChannel, int wrong, int remaining,
                                  Instant nextStepStart, Instant nextExpiry, EndReason reason, Instant now) {
        return new VerificationFlow(id, number, requestId, nextState, nextChannel, wrong, remaining, createdAt, now,
                nextStepStart, nextExpiry, Optional.ofNullable(reason), version + 1);
    }

    private static Instant cap(Instant start, Instant requestEndsAt, VerificationPolicy policy) {
        Instant policyEnd = start.plus(policy.maxLifetime());
        return requestEndsAt == null || requestEndsAt.isAfter(policyEnd) ? policyEnd : requestEndsAt;
    }
}
