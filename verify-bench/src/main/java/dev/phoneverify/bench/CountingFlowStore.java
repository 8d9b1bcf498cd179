package dev.phoneverify.bench;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.FlowStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/** Counts how many flows a caller reads or writes through the store, to show what a sweep touches. */
final class CountingFlowStore implements FlowStore {
    private final FlowStore delegate;
    final LongAdder flowsRead = new LongAdder();
    final LongAdder flowsWritten = new LongAdder();

    CountingFlowStore(FlowStore delegate) {
        this.delegate = delegate;
    }

    void resetCounts() {
        flowsRead.reset();
        flowsWritten.reset();
    }

    @Override
    public void insert(VerificationFlow flow) {
        flowsWritten.increment();
        delegate.insert(flow);
    }

    @Override
    public Optional<VerificationFlow> find(FlowId id) {
        Optional<VerificationFlow> found = delegate.find(id);
        if (found.isPresent()) {
            flowsRead.increment();
        }
        return found;
    }

    @Override
    public Optional<VerificationFlow> findByRequestId(RequestId requestId) {
        Optional<VerificationFlow> found = delegate.findByRequestId(requestId);
        if (found.isPresent()) {
            flowsRead.increment();
        }
        return found;
    }

    @Override
    public boolean update(VerificationFlow next) {
        flowsWritten.increment();
        return delegate.update(next);
    }

    @Override
    public List<VerificationFlow> pendingDueBy(Instant now, int limit) {
        List<VerificationFlow> due = delegate.pendingDueBy(now, limit);
        flowsRead.add(due.size());
        return due;
    }

    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return delegate.purgeFinishedBefore(cutoff);
    }
}
