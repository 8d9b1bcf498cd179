package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the adapter remembers of the requests it started: when each started and which delivery step it is on.
 *
 * <p>Needed because Vonage's control answers name neither the new channel nor the end time, and its cancel refusal
 * (19) does not say whether it came too early or too late. Bounded: entries go on terminal outcomes, once their
 * request has ended, and the oldest go first when the map is full. Losing an entry only makes answers less precise
 * (see {@link VonageVerificationGateway}). Thread-safe.
 */
final class RequestTracker {

    /** One request's position in its plan. */
    record Position(Instant startedAt, int step, Instant stepStartedAt) {
    }

    private final DeliveryPlan plan;
    private final int capacity;
    private final Map<RequestId, Position> positions;

    RequestTracker(DeliveryPlan plan, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.plan = plan;
        this.capacity = capacity;
        this.positions = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<RequestId, Position> eldest) {
                return size() > RequestTracker.this.capacity;
            }
        };
    }

    synchronized void started(RequestId requestId, Instant now) {
        if (positions.size() >= capacity) {
            dropEnded(now);
        }
        positions.put(requestId, new Position(now, 0, now));
    }

    /** Where the request stands at {@code now}, counting the steps Vonage took by itself as time passed. */
    synchronized Optional<Position> positionAt(RequestId requestId, Instant now) {
        Position known = positions.get(requestId);
        if (known == null) {
            return Optional.empty();
        }
        Position current = movedOnByTime(known, now);
        if (!now.isBefore(plan.endOfRequest(current.step(), current.stepStartedAt()))) {
            positions.remove(requestId);
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /** Records a successful "next step" and returns the request's new position. */
    synchronized Position advanced(RequestId requestId, Instant now) {
        Position known = positions.get(requestId);
        // Unknown to us (another instance started it, or it was evicted): assume it was on its first step.
        Position current = known == null ? new Position(now, 0, now) : movedOnByTime(known, now);
        Position next = new Position(current.startedAt(), Math.min(current.step() + 1, plan.lastStep()), now);
        positions.put(requestId, next);
        return next;
    }

    synchronized void forget(RequestId requestId) {
        positions.remove(requestId);
    }

    synchronized int size() {
        return positions.size();
    }

    private Position movedOnByTime(Position position, Instant now) {
        int step = position.step();
        Instant stepStartedAt = position.stepStartedAt();
        while (step < plan.lastStep()) {
            Instant nextStepAt = stepStartedAt.plus(plan.waitAfter(step));
            if (now.isBefore(nextStepAt)) {
                break;
            }
            stepStartedAt = nextStepAt;
            step++;
        }
        return new Position(position.startedAt(), step, stepStartedAt);
    }

    private void dropEnded(Instant now) {
        Iterator<Position> iterator = positions.values().iterator();
        while (iterator.hasNext()) {
            Position position = movedOnByTime(iterator.next(), now);
            if (!now.isBefore(plan.endOfRequest(position.step(), position.stepStartedAt()))) {
                iterator.remove();
            }
        }
    }

    static Duration sinceStart(Position position, Instant now) {
        return Duration.between(position.startedAt(), now);
    }
}
