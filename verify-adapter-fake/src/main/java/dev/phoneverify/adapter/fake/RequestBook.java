package dev.phoneverify.adapter.fake;

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
 * The one owner of every request's state: each request's current value, the request in flight per address (each
 * step's {@code to}: a request to a number and an email address holds both), the addresses a cancel still holds,
 * the timeline of step timeouts, and finished requests in the order they finished, which is also the order they
 * are purged. Values are immutable and replaced whole. Not thread-safe: used only under the simulator's lock.
 */
final class RequestBook {
    private final Map<RequestId, SimulatedRequest> requests = new HashMap<>();
    private final Map<String, RequestId> inFlight = new HashMap<>();
    private final Map<String, Hold> held = new HashMap<>();
    private final Timeline timeline = new Timeline();
    private final Deque<RequestId> finished = new ArrayDeque<>();
    private int active;

    /** A cancelled request's address, still refusing new starts until {@code until}. */
    private record Hold(RequestId requestId, Instant until) {
    }

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

    /** The request holding one of {@code addresses} at {@code now}: in flight, or cancelled and still held. */
    Optional<RequestId> inFlightFor(List<String> addresses, Instant now) {
        for (String address : addresses) {
            RequestId id = inFlight.get(address);
            if (id != null) {
                return Optional.of(id);
            }
        }
        for (String address : addresses) {
            Hold hold = held.get(address);
            if (hold != null && hold.until().isAfter(now)) {
                return Optional.of(hold.requestId());
            }
            if (hold != null) {
                held.remove(address);
            }
        }
        return Optional.empty();
    }

    /** The addresses of a request just cancelled keep refusing starts as concurrent until {@code until}. */
    void holdAddresses(SimulatedRequest cancelled, Instant until) {
        for (String address : cancelled.addresses()) {
            held.put(address, new Hold(cancelled.id(), until));
        }
    }

    /** Keeps a request that has just started. */
    void add(SimulatedRequest request) {
        requests.put(request.id(), request);
        request.addresses().forEach(address -> inFlight.put(address, request.id()));
        active++;
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
            next.addresses().forEach(address -> inFlight.remove(address, next.id()));
            active--;
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
            oldest.addresses().forEach(address -> held.computeIfPresent(address,
                    (key, hold) -> hold.requestId().equals(oldest.id()) ? null : hold));
            purged.add(oldest);
        }
        return purged;
    }

    int activeCount() {
        return active;
    }

    int retainedCount() {
        return requests.size();
    }

    void clear() {
        requests.clear();
        inFlight.clear();
        held.clear();
        active = 0;
        timeline.clear();
        finished.clear();
    }
}
