package dev.phoneverify.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * An abuse control refused to send a code: nothing was sent and the provider was not called. Names the control
 * that refused and how long until the same request could pass it.
 */
public final class RateLimitedException extends VerificationException {
    private static final long serialVersionUID = 1L;

    /** The control that refused. */
    public enum Limit {
        /** Too many verifications started for this number recently. */
        PER_NUMBER("too many codes were sent to this number recently"),
        /** Too many verifications started by this client recently. */
        PER_CLIENT("too many verifications were started from here recently"),
        /** Too many verifications started for numbers of this country calling code recently. */
        PER_CALLING_CODE("too many verifications were started for numbers of this country recently"),
        /** A code was sent to this number moments ago; the wait grows with each resend. */
        RESEND_COOLDOWN("a code was sent to this number moments ago"),
        /** A verification of this number failed with too many wrong codes; the wait grows with each failure. */
        FAILED_CHECK_DELAY("a verification of this number failed recently");

        private final String explanation;

        Limit(String explanation) {
            this.explanation = explanation;
        }
    }

    private final Limit limit;
    private final Duration retryAfter;

    public RateLimitedException(Limit limit, Duration retryAfter) {
        super(Objects.requireNonNull(limit, "limit").explanation + "; try again in " + secondsUp(retryAfter)
                + " seconds");
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public Limit limit() {
        return limit;
    }

    /** How long until the same request could pass this control (another control may still refuse it). */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up: what an HTTP {@code Retry-After} header carries. */
    public long retryAfterSeconds() {
        return secondsUp(retryAfter);
    }

    private static long secondsUp(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : Math.max(seconds, 1);
    }
}
