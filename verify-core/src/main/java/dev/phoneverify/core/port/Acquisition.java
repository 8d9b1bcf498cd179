package dev.phoneverify.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * A {@link RateLimitStore}'s answer: granted, or refused with how long until the same request could be granted.
 *
 * @param retryAfter zero when granted; otherwise more than zero
 */
public record Acquisition(boolean granted, Duration retryAfter) {
    private static final Acquisition GRANTED = new Acquisition(true, Duration.ZERO);

    public Acquisition {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (granted != retryAfter.isZero()) {
            throw new IllegalArgumentException("a grant waits for nothing and a refusal says how long to wait");
        }
    }

    public static Acquisition grant() {
        return GRANTED;
    }

    /** Refused; {@code retryAfter} is rounded up to at least one millisecond so a refusal never says "now". */
    public static Acquisition refuse(Duration retryAfter) {
        Duration wait = retryAfter.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : retryAfter;
        return new Acquisition(false, wait);
    }
}
