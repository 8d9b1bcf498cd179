package dev.phoneverify.core.store;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Adapter: idempotency keys in this process's memory, for one instance. A key is forgotten {@code retention} after
 * it was claimed (by default as long as the in-memory flow store keeps its flow at most); keys
 * are dropped oldest first as new ones arrive, so memory stays bounded by the starts of one retention period.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Entry(String fingerprint, Instant claimedAt, Optional<FlowId> flow) {
    }

    private final Clock clock;
    private final Duration retention;
    /** In claim order, so the oldest entries are first to go. */
    private final Map<IdempotencyKey, Entry> entries = new LinkedHashMap<>();

    public InMemoryIdempotencyStore(Clock clock, Duration retention) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retention = Objects.requireNonNull(retention, "retention");
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    /**
     * Keys kept as long as the in-memory flow store keeps their flows at most: a flow's longest life under the
     * default policy, then {@link InMemoryFlowStore#DEFAULT_RETENTION}.
     */
    public InMemoryIdempotencyStore(Clock clock) {
        this(clock, InMemoryFlowStore.DEFAULT_RETENTION.plus(VerificationPolicy.defaults().maxLifetime()));
    }

    @Override
    public synchronized Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        dropExpired();
        Entry held = entries.get(key);
        if (held != null && held.flow().isPresent()) {
            return new Claim.Completed(held.fingerprint(), held.flow().get());
        }
        if (held != null && !held.claimedAt().isBefore(staleBefore)) {
            return new Claim.Running(held.fingerprint());
        }
        entries.remove(key);
        entries.put(key, new Entry(fingerprint, now, Optional.empty()));
        return new Claim.Claimed();
    }

    @Override
    public synchronized void complete(IdempotencyKey key, FlowId flow) {
        Objects.requireNonNull(flow, "flow");
        entries.computeIfPresent(key, (k, held) -> new Entry(held.fingerprint(), held.claimedAt(), Optional.of(flow)));
    }

    @Override
    public synchronized void release(IdempotencyKey key) {
        Entry held = entries.get(key);
        if (held != null && held.flow().isEmpty()) {
            entries.remove(key);
        }
    }

    private void dropExpired() {
        Instant cutoff = clock.instant().minus(retention);
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            if (!oldestFirst.next().claimedAt().isBefore(cutoff)) {
                return;
            }
            oldestFirst.remove();
        }
    }
}
