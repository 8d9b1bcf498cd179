package dev.phoneverify.core.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One verification as the app sees it: an immutable snapshot changed only through transition methods, each of
 * which returns the next snapshot and refuses illegal moves by naming the current state.
 *
 * <p>{@code version} grows by one with every transition, so stores can refuse a lost update.
 *
 * @param attemptsRemaining wrong codes the user may still enter: the lower of the policy's count and the
 *                          provider's, when the provider tells
 * @param expiresAt         when the provider's request ends, capped by the policy's maximum lifetime
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
        Instant expiresAt,
        long version) {

    public VerificationFlow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (wrongAttempts < 0 || attemptsRemaining < 0) {
            throw new IllegalArgumentException("attempt counts cannot be negative");
        }
    }

    /** A flow whose code the gateway has just sent. */
    public static VerificationFlow started(FlowId id, PhoneNumber number, RequestId requestId, Channel channel,
                                           Instant now, Instant requestEndsAt, VerificationPolicy policy) {
        return new VerificationFlow(id, number, requestId, FlowState.PENDING, channel, 0,
                policy.maxWrongAttempts(), now, now, cap(now, requestEndsAt, policy), 0);
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** True once the clock has reached the expiry of a pending flow. */
    public boolean isDueToExpire(Instant now) {
        return state == FlowState.PENDING && !now.isBefore(expiresAt);
    }

    /** A correct code was checked. */
    public VerificationFlow verified(Instant now) {
        requirePending("verify");
        return next(FlowState.VERIFIED, channel, wrongAttempts, attemptsRemaining, expiresAt, now);
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
        FlowState nextState = remaining == 0 ? FlowState.FAILED : FlowState.PENDING;
        return next(nextState, channel, wrong, remaining, expiresAt, now);
    }

    /** The provider ended the request after too many wrong codes. */
    public VerificationFlow failed(Instant now, boolean countsAsWrongAttempt) {
        requirePending("fail");
        int wrong = countsAsWrongAttempt ? wrongAttempts + 1 : wrongAttempts;
        return next(FlowState.FAILED, channel, wrong, 0, expiresAt, now);
    }

    /** The request's lifetime passed, or the provider no longer knows it. */
    public VerificationFlow expired(Instant now) {
        requirePending("expire");
        return next(FlowState.EXPIRED, channel, wrongAttempts, attemptsRemaining, expiresAt, now);
    }

    public VerificationFlow cancelled(Instant now) {
        requirePending("cancel");
        return next(FlowState.CANCELLED, channel, wrongAttempts, attemptsRemaining, expiresAt, now);
    }

    /** Delivery moved to the next step; the provider may have extended the request's end. */
    public VerificationFlow advanced(Channel newChannel, Instant requestEndsAt, Instant now, VerificationPolicy policy) {
        requirePending("move to the next step");
        Objects.requireNonNull(newChannel, "newChannel");
        return next(FlowState.PENDING, newChannel, wrongAttempts, attemptsRemaining,
                cap(createdAt, requestEndsAt, policy), now);
    }

    private void requirePending(String move) {
        if (state != FlowState.PENDING) {
            throw new IllegalTransitionException(state, move);
        }
    }

    private VerificationFlow next(FlowState nextState, Channel nextChannel, int wrong, int remaining,
                                  Instant nextExpiry, Instant now) {
        return new VerificationFlow(id, number, requestId, nextState, nextChannel, wrong, remaining,
                createdAt, now, nextExpiry, version + 1);
    }

    private static Instant cap(Instant start, Instant requestEndsAt, VerificationPolicy policy) {
        Instant policyEnd = start.plus(policy.maxLifetime());
        return requestEndsAt == null || requestEndsAt.isAfter(policyEnd) ? policyEnd : requestEndsAt;
    }
}
