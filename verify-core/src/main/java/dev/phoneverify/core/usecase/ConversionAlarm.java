package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.ConversionCounts;
import java.time.Instant;
import java.util.Objects;

/**
 * The conversion alarm of one country calling code changed: few of the codes sent there are typed in, the sign of
 * SMS pumping, or the rate recovered. Announced once per change, not on every start.
 *
 * @param counts started and verified flows over the alarm's window when the change was seen
 */
public record ConversionAlarm(CallingCode callingCode, State state, ConversionCounts counts, Instant at) {
    /** Whether the alarm is on. */
    public enum State { RAISED, CLEARED }

    public ConversionAlarm {
        Objects.requireNonNull(callingCode, "callingCode");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(at, "at");
    }
}
