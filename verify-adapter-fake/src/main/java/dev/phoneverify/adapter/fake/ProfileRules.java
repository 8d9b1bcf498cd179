package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What differs between Verify v1 and v2 in the simulator: what the provider can do, how a start becomes a
 * {@link Plan}, the ids, the cancel rule and the wording. Everything else (steps timing out, codes, wrong codes,
 * one request per number, retention) is the same simulator for both.
 */
interface ProfileRules {

    FakeProfile profile();

    GatewayCapabilities capabilities();

    /** The v1 timings a start gets when it brings none; empty on v2. */
    Optional<V1Timings> defaultTimings();

    /**
     * The plan for a start, and where its steps go. Asking for what {@link #capabilities()} rules out is a programming error
     * ({@link IllegalArgumentException}); what the provider refuses on its own (v2's 422) is a
     * {@link dev.phoneverify.core.port.GatewayException} that no retry mends.
     *
     * @param timings v1 timings for this start; empty: the fake's own
     */
    PlannedStart plan(StartRequest request, Optional<V1Timings> timings);

    /** A request id in the provider's format, from sixteen random bytes. */
    RequestId requestId(byte[] random);

    /** True when a new code brings a fresh count of wrong codes (v1, KB17). */
    boolean freshAttemptsWithNewCode();

    /** True when a code sent on an earlier step of the request still verifies it. */
    boolean acceptsEarlierCodes();

    /** Why a cancel of {@code request} at {@code now} is refused, if it is. */
    Optional<CancelOutcome.Reason> cancelRefusal(SimulatedRequest request, Instant now);

    /** The message a user gets on {@code channel}. */
    String render(Channel channel, Brand brand, String code);

    /** How long a cancelled request's addresses still refuse a new start as concurrent; zero: not at all. */
    default Duration busyAfterCancel() {
        return Duration.ZERO;
    }

    /** The {@code Retry-After} a throttled call carries. */
    Optional<Duration> throttleRetryAfter();

    /** The 30 s / before-the-second-step rule that Vonage states for cancel (facts §1.6 and §2.6). */
    static Optional<CancelOutcome.Reason> vonageCancelRule(SimulatedRequest request, Instant now,
                                                           Duration notBefore) {
        // Too late first: it is final, while "too early" passes by itself.
        if (request.step() > 0) {
            return Optional.of(CancelOutcome.Reason.TOO_LATE);
        }
        if (now.isBefore(request.startedAt().plus(notBefore))) {
            return Optional.of(CancelOutcome.Reason.TOO_EARLY);
        }
        return Optional.empty();
    }
}
