package dev.phoneverify.emulator;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a callback that did not get a 2xx is tried again: exponential backoff from {@code firstDelay}, doubling up
 * to {@code maxDelay}, with up to 20% jitter, for at most {@code maxAttempts} attempts in all. A {@code Retry-After}
 * from the receiver is honoured up to {@code maxDelay}.
 *
 * @param attemptTimeout how long one attempt waits for the receiver's answer
 */
public record CallbackRetry(int maxAttempts, Duration firstDelay, Duration maxDelay, Duration attemptTimeout) {
    /**
     * Six attempts, 0.5 s doubling to 8 s: the third attempt goes out about 1.5 s after the first, and the last
     * about 15 s after it, so two failed deliveries still leave a callback well within 15 s.
     */
    public static final CallbackRetry DEFAULT =
            new CallbackRetry(6, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(15));

    public CallbackRetry {
        if (maxAttempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0
                || attemptTimeout.isNegative() || attemptTimeout.isZero()) {
            throw new IllegalArgumentException("a retry needs at least one attempt, 0 <= firstDelay <= maxDelay"
                    + " and a positive attempt timeout");
        }
    }

    /** The wait before attempt {@code next} (2 for the first retry), or the receiver's {@code Retry-After}. */
    Duration delayBefore(int next, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long base = firstDelay.toMillis() << Math.min(next - 2, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        // Jitter spreads retries of many callbacks so they do not arrive at the receiver all at once.
        long jitter = capped / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 5 + 1);
        return Duration.ofMillis(capped - jitter);
    }
}
