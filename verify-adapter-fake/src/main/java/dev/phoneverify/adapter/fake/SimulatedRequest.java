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
    /** Bumped whenever the next due time changes, so the timeline can skip entries that no longer apply. */
    long generation;

    final List<RequestSnapshot.Event> events = new ArrayList<>(3);
    final List<RequestSnapshot.Check> checks = new ArrayList<>(3);

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
