package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.CancelOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the adapter remembers of the requests it started: each one's plan, when it started and which delivery step
 * it is on.
 *
 * <p>Needed because Vonage's answers name neither the new channel after "next step" nor the end time, and a refused
 * cancel does not say whether it came too early or too late. Bounded: entries go on terminal outcomes, once their
 * request has ended, and the oldest go first when the map is full. Losing an entry only makes answers less precise
 * (see the gateways). Thread-safe.
 */
final class RequestTracker {

    /** One request's position in its plan. */
    record Position(StepPlan plan, Instant startedAt, int step, Instant stepStartedAt) {
        Position {
            Objects.requireNonNull(plan, "plan");
        }

        /** How the code goes out now. */
        Channel channel() {
            return plan.channelOf(step);
        }

        /** When the request ends if nobody acts. */
        Instant endOfRequest() {
            return plan.endOfRequest(step, stepStartedAt);
        }
    }

    private final int capacity;
    private final Map<RequestId, Position> positions;

    RequestTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.capacity = capacity;
        this.positions = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<RequestId, Position> eldest) {
                return size() > RequestTracker.this.capacity;
            }
        };
    }

    /** Records a request that began at {@code now} on the first step of {@code plan}; returns its position. */
    synchronized Position started(RequestId requestId, StepPlan plan, Instant now) {
        if (positions.size() >= capacity) {
            dropEnded(now);
        }
        Position position = new Position(plan, now, 0, now);
        positions.put(requestId, position);
        return position;
    }

    /** Where the request stands at {@code now}, counting the steps the provider took by itself as time passed. */
    synchronized Optional<Position> positionAt(RequestId requestId, Instant now) {
        Position known = positions.get(requestId);
        if (known == null) {
            return Optional.empty();
        }
        Position current = movedOnByTime(known, now);
        if (!now.isBefore(current.endOfRequest())) {
            positions.remove(requestId);
            return Optional.empty();
        }
        return Optional.of(current);
    }

    /**
     * Records a successful "next step" and returns the request's new position. A request unknown here (another
     * instance started it, or it was evicted) is assumed to have been on the first step of {@code assumedPlan}.
     */
    synchronized Position advanced(RequestId requestId, StepPlan assumedPlan, Instant now) {
        Position known = positions.get(requestId);
        Position current = known == null ? new Position(assumedPlan, now, 0, now) : movedOnByTime(known, now);
        StepPlan plan = current.plan();
        Position next = new Position(plan, current.startedAt(), Math.min(current.step() + 1, plan.lastStep()), now);
        positions.put(requestId, next);
        return next;
    }

    synchronized void forget(RequestId requestId) {
        positions.remove(requestId);
    }

    synchronized int size() {
        return positions.size();
    }

    private static Position movedOnByTime(Position position, Instant now) {
        StepPlan plan = position.plan();
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
        return new Position(plan, position.startedAt(), step, stepStartedAt);
    }

    private void dropEnded(Instant now) {
        Iterator<Position> iterator = positions.values().iterator();
        while (iterator.hasNext()) {
            if (!now.isBefore(movedOnByTime(iterator.next(), now).endOfRequest())) {
                iterator.remove();
            }
        }
    }

    /**
     * Why the provider refused to cancel at {@code now}, when its answer does not say (Vonage v1 answers 19 both too
     * early and too late): within {@code notBefore} of the start it was too early, after that too late. For a request
     * unknown here the reason is unspecified.
     */
    CancelOutcome.Reason cancelRefusal(RequestId requestId, Instant now, Duration notBefore) {
        return positionAt(requestId, now)
                .map(position -> Duration.between(position.startedAt(), now).compareTo(notBefore) < 0
                        ? CancelOutcome.Reason.TOO_EARLY
                        : CancelOutcome.Reason.TOO_LATE)
                .orElse(CancelOutcome.Reason.UNSPECIFIED);
    }
}
