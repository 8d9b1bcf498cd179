package dev.phoneverify.core.store;

import dev.phoneverify.core.port.TokenReplayStore;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Adapter: a {@link TokenReplayStore} in this process's memory, for one instance. Ids whose time has passed are
 * dropped every few hundred writes, so the map holds about one window's accepted tokens.
 */
public final class InMemoryTokenReplayStore implements TokenReplayStore {
    static final int PURGE_EVERY = 256;

    private final Map<String, Instant> keptUntil = new ConcurrentHashMap<>();
    private final AtomicInteger writes = new AtomicInteger();

    @Override
    public boolean rememberIfNew(String tokenId, Instant keepUntil, Instant now) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(keepUntil, "keepUntil");
        Objects.requireNonNull(now, "now");
        if (writes.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired(now);
        }
        AtomicBoolean fresh = new AtomicBoolean();
        // compute runs atomically per key, so of racing callers exactly one sees no live entry.
        keptUntil.compute(tokenId, (id, until) -> {
            if (until != null && until.isAfter(now)) {
                return until;
            }
            fresh.set(true);
            return keepUntil;
        });
        return fresh.get();
    }

    @Override
    public void forget(String tokenId) {
        keptUntil.remove(Objects.requireNonNull(tokenId, "tokenId"));
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        int before = keptUntil.size();
        keptUntil.values().removeIf(until -> !until.isAfter(now));
        return Math.max(0, before - keptUntil.size());
    }

    /** How many ids are kept now, live or not yet purged. */
    public int size() {
        return keptUntil.size();
    }
}
