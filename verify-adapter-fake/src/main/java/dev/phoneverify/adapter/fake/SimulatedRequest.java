package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.RequestStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The mutable state of one simulated request. Not thread-safe on its own: every access happens under the owning
 * {@link FakeVerificationGateway}'s lock.
 */
final class SimulatedRequest {
    final RequestId id;
    final PhoneNumber number;
    final Brand brand;
    final int codeLength;
    final StartOptions options;
    final Instant startedAt;

    int eventIndex;
    Instant eventAt;
    String pin;
    Instant pinIssuedAt;
    int wrongCodesForPin;
    RequestStatus status = RequestStatus.IN_PROGRESS;
    Instant finishedAt;
    /**
     * When the {@link Timeline} next acts on this request, and the order it was scheduled in: its key there. Kept
     * as numbers rather than an {@link Instant} so that ordering a million requests does not chase a pointer to
     * an {@code Instant} per comparison, and so each request holds one object fewer.
     */
    long dueSecond;
    int dueNano;
    long dueSequence;
    /** Where this request sits in the {@link Timeline}'s heap, or -1 when it is not on it. */
    int timelineSlot = -1;

    // Sized for the usual case: one event per request and, when a user types well, one check.
    final List<RequestSnapshot.Event> events = new ArrayList<>(1);
    final List<RequestSnapshot.Check> checks = new ArrayList<>(1);

    SimulatedRequest(RequestId id, PhoneNumber number, Brand brand, int codeLength, StartOptions options,
                     Instant startedAt) {
        this.id = id;
        this.number = number;
        this.brand = brand;
        this.codeLength = codeLength;
        this.options = options;
        this.startedAt = startedAt;
        this.eventAt = startedAt;
    }

    Instant dueAt() {
        return Instant.ofEpochSecond(dueSecond, dueNano);
    }

    /** True when the timeline's time for this request has come by {@code now}. */
    boolean isDueBy(Instant now) {
        return dueSecond < now.getEpochSecond() || (dueSecond == now.getEpochSecond() && dueNano <= now.getNano());
    }

    boolean inProgress() {
        return status == RequestStatus.IN_PROGRESS;
    }

    boolean atLastEvent() {
        return eventIndex == options.workflow().events().size() - 1;
    }

    Channel channel() {
        return options.workflow().events().get(eventIndex);
    }

    /** When the next event happens or, at the last event, when the request expires. */
    Instant nextDueAt() {
        return eventAt.plus(options.waitAfter(eventIndex));
    }

    /** When the request ends if nobody acts: the current event's time plus every wait still ahead. */
    Instant endsAt() {
        return eventAt.plus(options.remainingFrom(eventIndex));
    }

    boolean pinExpiredAt(Instant at) {
        return !at.isBefore(pinIssuedAt.plus(options.effectivePinExpiry()));
    }

    RequestSnapshot snapshot() {
        return new RequestSnapshot(id, number, brand.value(), status, startedAt, Optional.ofNullable(finishedAt),
                events, checks);
    }
}
