package dev.phoneverify.core.store;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.FlowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Adapter: a thread-safe {@link FlowStore} in memory, the default for a single process.
 *
 * <p>Two time-ordered indexes keep every sweep proportional to what it removes: pending flows sorted by expiry, and
 * finished flows queued in the order they ended. Finished flows are dropped once the retention period has passed,
 * and so are pending flows that nobody expired within the retention period after their expiry, so memory stays
 * bounded without a scheduler. Each write sweeps a few such flows as it goes.
 *
 * <p>Finished flows are queued rather than sorted because they end "now", so they arrive nearly in order, and a
 * queue costs a fraction of a sorted insert. A flow that ended a moment before one queued ahead of it is dropped
 * together with that one: at most that moment late.
 */
public final class InMemoryFlowStore implements FlowStore {
    /** How long a finished flow stays readable by default. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(30);
    private static final int SWEEP_PER_WRITE = 4;

    private final ConcurrentHashMap<FlowId, VerificationFlow> flows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RequestId, FlowId> byRequestId = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<TimeKey> pendingByExpiry = new ConcurrentSkipListSet<>();
    private final ConcurrentLinkedQueue<TimeKey> finishedInEndOrder = new ConcurrentLinkedQueue<>();
    private final Clock clock;
    private final Duration retention;

    public InMemoryFlowStore(Clock clock, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention cannot be negative");
        }
    }

    public InMemoryFlowStore(Clock clock) {
        this(clock, DEFAULT_RETENTION);
    }

    @Override
    public void insert(VerificationFlow flow) {
        Objects.requireNonNull(flow, "flow");
        VerificationFlow previous = flows.putIfAbsent(flow.id(), flow);
        if (previous != null) {
            throw new IllegalStateException("a flow with id " + flow.id() + " already exists");
        }
        byRequestId.put(flow.requestId(), flow.id());
        index(flow);
        sweep(SWEEP_PER_WRITE);
    }

    @Override
    public Optional<VerificationFlow> find(FlowId id) {
        return Optional.ofNullable(flows.get(id));
    }

    @Override
    public Optional<VerificationFlow> findByRequestId(RequestId requestId) {
        FlowId id = byRequestId.get(requestId);
        return id == null ? Optional.empty() : find(id).filter(flow -> flow.requestId().equals(requestId));
    }

    @Override
    public boolean update(VerificationFlow next) {
        Objects.requireNonNull(next, "next");
        boolean[] replaced = {false};
        flows.computeIfPresent(next.id(), (id, stored) -> {
            if (stored.version() != next.version() - 1) {
                return stored;
            }
            unindex(stored);
            index(next);
            replaced[0] = true;
            return next;
        });
        sweep(SWEEP_PER_WRITE);
        return replaced[0];
    }

    @Override
    public List<VerificationFlow> pendingDueBy(Instant now, int limit) {
        List<VerificationFlow> due = new ArrayList<>();
        for (TimeKey key : pendingByExpiry) {
            if (due.size() >= limit || key.at().isAfter(now)) {
                break;
            }
            VerificationFlow flow = flows.get(key.id());
            if (flow != null && flow.state() == FlowState.PENDING) {
                due.add(flow);
            }
        }
        return due;
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return dropFinished(cutoff, Integer.MAX_VALUE);
    }

    /** How many flows are held, pending and finished. */
    public int size() {
        return flows.size();
    }

    private void sweep(int limit) {
        Instant cutoff = clock.instant().minus(retention);
        int dropped = dropFinished(cutoff, limit);
        dropPending(cutoff, limit - dropped);
    }

    private int dropFinished(Instant cutoff, int limit) {
        int dropped = 0;
        TimeKey oldest;
        while (dropped < limit && (oldest = finishedInEndOrder.peek()) != null && oldest.at().isBefore(cutoff)) {
            // remove(), not poll(): a racing sweeper may have taken the head already, and poll() would then take
            // the next entry, which may not be due yet.
            if (finishedInEndOrder.remove(oldest) && removeIfStillKeyedBy(oldest)) {
                dropped++;
            }
        }
        return dropped;
    }

    private void dropPending(Instant cutoff, int limit) {
        int dropped = 0;
        Iterator<TimeKey> oldestFirst = pendingByExpiry.iterator();
        while (dropped < limit && oldestFirst.hasNext()) {
            TimeKey key = oldestFirst.next();
            if (!key.at().isBefore(cutoff)) {
                break;
            }
            if (removeIfStillKeyedBy(key)) {
                dropped++;
            } else {
                pendingByExpiry.remove(key);
            }
        }
    }

    /** Removes the flow if {@code key} still describes it; a key left by an earlier version is stale. */
    private boolean removeIfStillKeyedBy(TimeKey key) {
        boolean[] removed = {false};
        flows.computeIfPresent(key.id(), (id, stored) -> {
            if (!key.equals(keyOf(stored))) {
                return stored;
            }
            unindex(stored);
            byRequestId.remove(stored.requestId(), stored.id());
            removed[0] = true;
            return null;
        });
        return removed[0];
    }

    private void index(VerificationFlow flow) {
        if (flow.isTerminal()) {
            finishedInEndOrder.add(keyOf(flow));
        } else {
            pendingByExpiry.add(keyOf(flow));
        }
    }

    /** Finished keys are not searched for in the queue; a stale one is skipped when the sweep reaches it. */
    private void unindex(VerificationFlow flow) {
        if (!flow.isTerminal()) {
            pendingByExpiry.remove(keyOf(flow));
        }
    }

    private static TimeKey keyOf(VerificationFlow flow) {
        return new TimeKey(flow.isTerminal() ? flow.updatedAt() : flow.expiresAt(), flow.id());
    }

    /** Orders flows by a time, then by id so two flows at the same instant are both kept. */
    private record TimeKey(Instant at, FlowId id) implements Comparable<TimeKey> {
        @Override
        public int compareTo(TimeKey other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : id.value().compareTo(other.id.value());
        }
    }
}
