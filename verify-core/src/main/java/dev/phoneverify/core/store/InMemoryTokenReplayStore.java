package dev.phoneverify.core.store;

import dev.phoneverify.core.port.TokenReplayStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Adapter: a {@link TokenReplayStore} in this process's memory, for one instance. Every write first drops the ids
 * whose time has passed, oldest first, from an index in expiry order: the cost per callback stays the same at any
 * callback rate (a scan of the whole map would grow with the window's traffic), and the map holds about one
 * window's accepted tokens.
 */
public final class InMemoryTokenReplayStore implements TokenReplayStore {
    private final Map<String, Instant> keptUntil = new ConcurrentHashMap<>();
    /** Every remembered (id, time) pair, soonest time first; a pair whose id was forgotten or renewed is skipped. */
    private final NavigableSet<Kept> byExpiry = new ConcurrentSkipListSet<>(
            Comparator.comparing(Kept::until).thenComparing(Kept::tokenId));

    private record Kept(Instant until, String tokenId) {
    }

    @Override
    public boolean rememberIfNew(String tokenId, Instant keepUntil, Instant now) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(keepUntil, "keepUntil");
        Objects.requireNonNull(now, "now");
        purgeExpired(now);
        AtomicBoolean fresh = new AtomicBoolean();
        // compute runs atomically per key, so of racing callers exactly one sees no live entry.
        keptUntil.compute(tokenId, (id, until) -> {
            if (until != null && until.isAfter(now)) {
                return until;
            }
            fresh.set(true);
            return keepUntil;
        });
        if (fresh.get()) {
            byExpiry.add(new Kept(keepUntil, tokenId));
        }
        return fresh.get();
    }

    @Override
    public void forget(String tokenId) {
        keptUntil.remove(Objects.requireNonNull(tokenId, "tokenId"));
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        int dropped = 0;
        for (Kept oldest = firstOrNull(); oldest != null && !oldest.until().isAfter(now); oldest = firstOrNull()) {
            if (byExpiry.remove(oldest) && keptUntil.remove(oldest.tokenId(), oldest.until())) {
                dropped++;
            }
        }
        return dropped;
    }

    private Kept firstOrNull() {
        return byExpiry.isEmpty() ? null : byExpiry.ceiling(new Kept(Instant.MIN, ""));
    }

    /** How many ids are kept now, live or not yet purged. */
    public int size() {
        return keptUntil.size();
    }
}
