package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port to where flows are kept. Updates are conditional on the version the caller read, so two writers
 * never silently overwrite each other, even across processes. Implementations are thread-safe.
 */
public interface FlowStore {

    /** Adds a new flow; fails if its id is taken. */
    void insert(VerificationFlow flow);

    /**
     * Adds a new flow and, when this store can in the same round trip, keeps {@code books}. The default keeps
     * none: the caller keeps them.
     */
    default Booked insert(VerificationFlow flow, Bookkeeping books) {
        insert(flow);
        return Booked.notKept();
    }

    /** The flow with this id, if it is kept. */
    Optional<VerificationFlow> find(FlowId id);

    /**
     * The flow of the provider's request {@code requestId}, if it is kept: how an update the provider pushes finds
     * its flow.
     */
    Optional<VerificationFlow> findByRequestId(RequestId requestId);

    /**
     * Replaces the stored flow with {@code next} only if the stored one still has {@code next.version() - 1}.
     *
     * @return false when someone else changed the flow first; re-read and decide again
     */
    boolean update(VerificationFlow next);

    /**
     * {@link #update(VerificationFlow)}, and when it wrote, {@code books} kept as {@link #insert(VerificationFlow,
     * Bookkeeping)} keeps them: all or nothing, in one round trip.
     *
     * @return empty when someone else changed the flow first; otherwise what was kept of the books
     */
    default Optional<Booked> update(VerificationFlow next, Bookkeeping books) {
        return update(next) ? Optional.of(Booked.notKept()) : Optional.empty();
    }

    /** Pending flows whose expiry is at or before {@code now}, oldest first, at most {@code limit}. */
    List<VerificationFlow> pendingDueBy(Instant now, int limit);

    /** Drops finished flows last changed before {@code cutoff}; returns how many it dropped. */
    int purgeFinishedBefore(Instant cutoff);
}
