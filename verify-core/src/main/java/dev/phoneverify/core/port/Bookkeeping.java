package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.EscalatingDelay;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The abuse controls' books that a flow write causes: a conversion count, a hold released or renewed. A
 * {@link FlowStore} that keeps its flows beside {@code limits} and {@code conversions} (one database) may keep
 * these books in the same round trip as the write; any other store leaves them to the caller, who keeps them
 * through those two stores.
 *
 * @param tally       a started or verified flow to count, and the sum of the alarm's window to read back
 * @param releaseHold a hold to forget (the resend cooldown of a number just verified)
 * @param hold        a hold to renew (the delay after a failed verification)
 * @param limits      where the holds live
 * @param conversions where the counts live
 */
public record Bookkeeping(Optional<Tally> tally, Optional<String> releaseHold, Optional<NewHold> hold,
                          RateLimitStore limits, ConversionStatsStore conversions) {
    public Bookkeeping {
        Objects.requireNonNull(tally, "tally");
        Objects.requireNonNull(releaseHold, "releaseHold");
        Objects.requireNonNull(hold, "hold");
    }

    /** Nothing to keep. */
    public static Bookkeeping none() {
        return new Bookkeeping(Optional.empty(), Optional.empty(), Optional.empty(), null, null);
    }

    public boolean isEmpty() {
        return tally.isEmpty() && releaseHold.isEmpty() && hold.isEmpty();
    }

    /**
     * One flow counted in {@code code}'s bucket {@code bucket}, then the sum of the buckets from {@code sumFrom}
     * on ({@link ConversionStatsStore#countsSince}) read back.
     *
     * @param verified true to count a verification, false to count a start
     */
    public record Tally(CallingCode code, Instant bucket, boolean verified, Instant sumFrom) {
        public Tally {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(sumFrom, "sumFrom");
        }
    }

    /** {@link RateLimitStore#hold} of {@code key} at {@code at}. */
    public record NewHold(String key, EscalatingDelay delay, Instant at) {
        public NewHold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(at, "at");
        }
    }
}
