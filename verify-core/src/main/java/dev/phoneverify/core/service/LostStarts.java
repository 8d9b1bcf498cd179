package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers whose last start got no usable answer, and when: the provider may have sent a code anyway. A retry that
 * then hears "a request is already in flight" adopts that request instead of refusing the number until it
 * expires. Bounded, and each entry is forgotten after a flow's longest life.
 */
final class LostStarts {
    private static final int MAX_REMEMBERED = 10_000;

    private final ConcurrentHashMap<PhoneNumber, Instant> lostAt = new ConcurrentHashMap<>();
    private final Duration memory;

    LostStarts(Duration memory) {
        this.memory = memory;
    }

    void remember(PhoneNumber number, Instant at) {
        if (lostAt.size() >= MAX_REMEMBERED) {
            Instant stale = at.minus(memory);
            lostAt.values().removeIf(when -> when.isBefore(stale));
        }
        if (lostAt.size() < MAX_REMEMBERED) {
            lostAt.put(number, at);
        }
    }

    void forget(PhoneNumber number) {
        lostAt.remove(number);
    }

    /** When the number's start was lost, if that is still recent at {@code now}; forgets it either way. */
    Optional<Instant> take(PhoneNumber number, Instant now) {
        return Optional.ofNullable(lostAt.remove(number)).filter(at -> at.plus(memory).isAfter(now));
    }
}
