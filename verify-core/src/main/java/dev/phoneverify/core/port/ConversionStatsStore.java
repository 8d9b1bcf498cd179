package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.CallingCode;
import java.time.Instant;
import java.util.Set;

/**
 * Outgoing port to where the conversion alarm keeps started and verified counts per country calling code, in time
 * buckets, and which alarms are raised. Counts only ever grow by one in one atomic step
 * ({@code INSERT ... ON CONFLICT (calling_code, bucket) DO UPDATE SET started = started + 1}); the alarm flag
 * changes by compare-and-set, so with several app instances each alarm is announced once. Implementations are
 * thread-safe.
 */
public interface ConversionStatsStore {

    /** Adds one started flow to {@code code}'s bucket starting at {@code bucket}. */
    void countStarted(CallingCode code, Instant bucket);

    /** Adds one verified flow to {@code code}'s bucket starting at {@code bucket}: the bucket its start went to. */
    void countVerified(CallingCode code, Instant bucket);

    /**
     * The sum of {@code code}'s buckets starting at or after {@code from}. Buckets before {@code from} will not be
     * asked for again, and may be deleted.
     */
    ConversionCounts countsSince(CallingCode code, Instant from);

    /**
     * Sets whether {@code code}'s alarm is raised (a code never set is not raised).
     *
     * <pre>{@code
     * raise: INSERT INTO conversion_alarm (calling_code) VALUES (:code) ON CONFLICT DO NOTHING RETURNING 1
     * clear: DELETE FROM conversion_alarm WHERE calling_code = :code RETURNING 1
     * }</pre>
     *
     * @return true only for the caller that changed it
     */
    boolean setAlarmRaised(CallingCode code, boolean raised);

    /** The calling codes whose alarm is raised now. */
    Set<CallingCode> raisedAlarms();
}
