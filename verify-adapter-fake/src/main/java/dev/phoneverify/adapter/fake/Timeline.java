package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The requests in progress ordered by when their current step times out, soonest first; ties go to the one
 * scheduled first. Not thread-safe: used only under the simulator's lock.
 *
 * <p>A sorted set with an index by request, so a request that finishes or moves leaves or moves in O(log n). A
 * request that finished must leave at once: left in until its old due time, finished requests piled up for minutes
 * and garbage collection dominated verify-bench's {@code FakeBenchmark}.
 */
final class Timeline {
    private record Due(Instant at, long order, RequestId requestId) {
    }

    private final TreeSet<Due> queue = new TreeSet<>(Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private final Map<RequestId, Due> byRequest = new HashMap<>();
    private long order;

    /** Puts the request at {@code at}, or moves it there. */
    void schedule(RequestId requestId, Instant at) {
        remove(requestId);
        Due due = new Due(at, order++, requestId);
        queue.add(due);
        byRequest.put(requestId, due);
    }

    /** Takes the request off the timeline; nothing happens if it is not on it. */
    void remove(RequestId requestId) {
        Due due = byRequest.remove(requestId);
        if (due != null) {
            queue.remove(due);
        }
    }

    /** Takes off and returns the request due soonest, if it is due by {@code now}. */
    Optional<RequestId> pollDueBy(Instant now) {
        if (queue.isEmpty() || queue.first().at().isAfter(now)) {
            return Optional.empty();
        }
        Due due = queue.pollFirst();
        byRequest.remove(due.requestId());
        return Optional.of(due.requestId());
    }

    void clear() {
        queue.clear();
        byRequest.clear();
    }
}
