package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one owner of every request's state: each request's current value, the request in flight per number, the
 * timeline of step timeouts, and finished requests in the order they finished, which is also the order they are
 * purged. Values are immutable and replaced whole. Not thread-safe: used only under the simulator's lock.
 */
final class RequestBook {
    private final Map<RequestId, SimulatedRequest> requests = new HashMap<>();
    private final Map<PhoneNumber, RequestId> inFlight = new HashMap<>();
    private final Timeline timeline = new Timeline();
    private final Deque<RequestId> finished = new ArrayDeque<>();

    boolean contains(RequestId id) {
        return requests.containsKey(id);
    }

    Optional<SimulatedRequest> find(RequestId id) {
        return Optional.ofNullable(requests.get(id));
    }

    /** The request, if it is still in progress. */
    Optional<SimulatedRequest> active(RequestId id) {
        return find(id).filter(SimulatedRequest::inProgress);
    }

    Optional<RequestId> inFlightFor(PhoneNumber number) {
        return Optional.ofNullable(inFlight.get(number));
    }

    /** Keeps a request that has just started. */
    void add(SimulatedRequest request) {
        requests.put(request.id(), request);
        inFlight.put(request.number(), request.id());
        timeline.schedule(request.id(), request.nextDueAt());
    }

    /** Replaces a request's value: in progress it is rescheduled if its step moved; finished it leaves the timeline. */
    void replace(SimulatedRequest next) {
        SimulatedRequest previous = requests.put(next.id(), next);
        if (next.inProgress()) {
            if (previous == null || previous.step() != next.step()) {
                timeline.schedule(next.id(), next.nextDueAt());
            }
            return;
        }
        if (previous != null && previous.inProgress()) {
            inFlight.remove(next.number(), next.id());
            timeline.remove(next.id());
            finished.addLast(next.id());
        }
    }

    /** Takes off the timeline the request whose step timed out soonest, if that was by {@code now}. */
    Optional<SimulatedRequest> nextDueBy(Instant now) {
        return timeline.pollDueBy(now).map(requests::get);
    }

    /** Forgets the requests that finished at or before {@code cutoff}, and returns them. */
    List<SimulatedRequest> purgeFinishedBy(Instant cutoff) {
        List<SimulatedRequest> purged = new ArrayList<>(0);
        while (!finished.isEmpty()) {
            SimulatedRequest oldest = requests.get(finished.peekFirst());
            if (oldest.finishedAt().orElseThrow().isAfter(cutoff)) {
                break;
            }
            finished.pollFirst();
            requests.remove(oldest.id());
            purged.add(oldest);
        }
        return purged;
    }

    int activeCount() {
        return inFlight.size();
    }

    int retainedCount() {
        return requests.size();
    }

    void clear() {
        requests.clear();
        inFlight.clear();
        timeline.clear();
        finished.clear();
    }
}
