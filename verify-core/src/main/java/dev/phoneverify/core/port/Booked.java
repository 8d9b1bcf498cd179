package dev.phoneverify.core.port;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link FlowStore} kept of a {@link Bookkeeping} in the same round trip as its write.
 *
 * @param kept        false when the store kept none of it, and the caller keeps the books itself
 * @param counts      the tally's window sum after counting, when there was a tally
 * @param alarmRaised whether the tally's calling code had its alarm raised when counted
 * @param heldUntil   when the renewed hold ends, when there was one
 */
public record Booked(boolean kept, Optional<ConversionCounts> counts, Optional<Boolean> alarmRaised,
                     Optional<Instant> heldUntil) {
    private static final Booked NOT_KEPT = new Booked(false, Optional.empty(), Optional.empty(), Optional.empty());

    public Booked {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(alarmRaised, "alarmRaised");
        Objects.requireNonNull(heldUntil, "heldUntil");
        if (!kept && (counts.isPresent() || alarmRaised.isPresent() || heldUntil.isPresent())) {
            throw new IllegalArgumentException("books not kept have no results");
        }
    }

    /** The store kept none of the books. */
    public static Booked notKept() {
        return NOT_KEPT;
    }
}
