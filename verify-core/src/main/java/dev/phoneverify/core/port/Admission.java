package dev.phoneverify.core.port;

import java.time.Duration;

/**
 * A {@link RateLimitStore#admit} verdict: every gate passed, or the first that refused and how long until it
 * could pass.
 *
 * @param refusedBy  the index of the refusing gate; -1 when admitted
 * @param retryAfter zero when admitted; otherwise at least one millisecond
 */
public record Admission(int refusedBy, Duration retryAfter) {
    private static final Admission ADMITTED = new Admission(-1, Duration.ZERO);

    public Admission {
        if (refusedBy < -1 || (refusedBy == -1) != retryAfter.isZero()) {
            throw new IllegalArgumentException("an admission waits for nothing and a refusal names its gate and wait");
        }
    }

    public static Admission admitted() {
        return ADMITTED;
    }

    /** Refused by gate {@code gate}, with that gate's answer. */
    public static Admission refusedBy(int gate, Acquisition answer) {
        if (answer.granted()) {
            throw new IllegalArgumentException("a granted answer refuses nothing");
        }
        return new Admission(gate, answer.retryAfter());
    }

    public boolean isAdmitted() {
        return refusedBy == -1;
    }
}
