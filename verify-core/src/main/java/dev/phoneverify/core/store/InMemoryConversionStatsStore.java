package dev.phoneverify.core.store;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.port.ConversionStatsStore;
import java.time.Instant;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adapter: a thread-safe {@link ConversionStatsStore} in memory, for a single process. Each calling code keeps
 * only the buckets still inside the window last asked for, so memory is bounded by the number of calling codes
 * times the buckets per window.
 */
public final class InMemoryConversionStatsStore implements ConversionStatsStore {
    private final ConcurrentHashMap<CallingCode, Buckets> byCode = new ConcurrentHashMap<>();
    private final Set<CallingCode> raised = ConcurrentHashMap.newKeySet();

    @Override
    public void countStarted(CallingCode code, Instant bucket) {
        byCode.computeIfAbsent(code, c -> new Buckets()).add(bucket, new ConversionCounts(1, 0));
    }

    @Override
    public void countVerified(CallingCode code, Instant bucket) {
        byCode.computeIfAbsent(code, c -> new Buckets()).add(bucket, new ConversionCounts(0, 1));
    }

    @Override
    public ConversionCounts countsSince(CallingCode code, Instant from) {
        Buckets buckets = byCode.get(code);
        return buckets == null ? ConversionCounts.NONE : buckets.sumSince(from);
    }

    @Override
    public boolean setAlarmRaised(CallingCode code, boolean raise) {
        return raise ? raised.add(code) : raised.remove(code);
    }

    @Override
    public Set<CallingCode> raisedAlarms() {
        return Set.copyOf(raised);
    }

    /** One calling code's buckets by start time. */
    private static final class Buckets {
        private final TreeMap<Instant, ConversionCounts> counts = new TreeMap<>();

        synchronized void add(Instant bucket, ConversionCounts delta) {
            counts.merge(bucket, delta, ConversionCounts::plus);
        }

        synchronized ConversionCounts sumSince(Instant from) {
            counts.headMap(from).clear();
            ConversionCounts sum = ConversionCounts.NONE;
            for (ConversionCounts bucket : counts.values()) {
                sum = sum.plus(bucket);
            }
            return sum;
        }
    }
}
