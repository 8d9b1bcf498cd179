package dev.phoneverify.core.store;

import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.port.Acquisition;
import dev.phoneverify.core.port.RateLimitStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Adapter: a thread-safe {@link RateLimitStore} in memory, for a single process.
 *
 * <p>Each key's record is replaced atomically ({@link ConcurrentHashMap#compute}). Records are indexed by when they
 * stop mattering, and every write drops a few records that no longer matter, oldest first, so memory follows the
 * traffic of the last window instead of growing forever, without a scheduler and without scanning all keys.
 */
public final class InMemoryRateLimitStore implements RateLimitStore {
    private static final int SWEEP_PER_WRITE = 4;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<DropKey> byDropTime = new ConcurrentSkipListSet<>();

    @Override
    public Acquisition tryAcquire(String key, int limit, Duration window, Instant now) {
        requireKey(key);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Instant windowStart = RateLimitStore.windowStart(now, window);
        Instant windowEnd = windowStart.plus(window);
        Acquisition[] answer = new Acquisition[1];
        entries.compute(key, (k, stored) -> {
            Counter counter = stored instanceof Counter c && c.windowStart().equals(windowStart) ? c : null;
            if (counter != null && counter.count() >= limit) {
                answer[0] = Acquisition.refuse(Duration.between(now, windowEnd));
                return stored;
            }
            answer[0] = Acquisition.grant();
            return replace(k, stored, new Counter(windowStart, counter == null ? 1 : counter.count() + 1, windowEnd));
        });
        sweep(now);
        return answer[0];
    }

    @Override
    public Optional<Instant> heldUntil(String key, Instant now) {
        requireKey(key);
        return entries.get(key) instanceof Hold hold && hold.heldUntil().isAfter(now)
                ? Optional.of(hold.heldUntil()) : Optional.empty();
    }

    @Override
    public Instant hold(String key, EscalatingDelay delay, Instant now) {
        requireKey(key);
        Hold next = entries.compute(key, (k, stored) -> replace(k, stored, nextHold(stored, delay, now)))
                instanceof Hold hold ? hold : null;
        sweep(now);
        return Objects.requireNonNull(next).heldUntil();
    }

    @Override
    public Acquisition tryPassAndHold(String key, EscalatingDelay delay, Instant now) {
        requireKey(key);
        Acquisition[] answer = new Acquisition[1];
        entries.compute(key, (k, stored) -> {
            if (stored instanceof Hold hold && hold.heldUntil().isAfter(now)) {
                answer[0] = Acquisition.refuse(Duration.between(now, hold.heldUntil()));
                return stored;
            }
            answer[0] = Acquisition.grant();
            return replace(k, stored, nextHold(stored, delay, now));
        });
        sweep(now);
        return answer[0];
    }

    @Override
    public void release(String key) {
        requireKey(key);
        entries.computeIfPresent(key, (k, stored) -> {
            byDropTime.remove(new DropKey(stored.dropAt(), k));
            return null;
        });
    }

    /** How many keys are held; records that no longer matter may still be counted until swept. */
    public int size() {
        return entries.size();
    }

    private static Hold nextHold(Entry stored, EscalatingDelay delay, Instant now) {
        Duration wait = stored instanceof Hold previous && previous.dropAt().isAfter(now)
                ? delay.after(previous.delay())
                : delay.first();
        Instant until = now.plus(wait);
        return new Hold(wait, until, until.plus(delay.forgetAfter()));
    }

    /** Swaps the index entry along with the record; runs inside {@code compute}, so both change together. */
    private Entry replace(String key, Entry stored, Entry next) {
        if (stored != null) {
            byDropTime.remove(new DropKey(stored.dropAt(), key));
        }
        byDropTime.add(new DropKey(next.dropAt(), key));
        return next;
    }

    private void sweep(Instant now) {
        Iterator<DropKey> oldestFirst = byDropTime.iterator();
        for (int dropped = 0; dropped < SWEEP_PER_WRITE && oldestFirst.hasNext(); dropped++) {
            DropKey candidate = oldestFirst.next();
            if (candidate.at().isAfter(now)) {
                return;
            }
            entries.computeIfPresent(candidate.key(), (k, stored) -> stored.dropAt().equals(candidate.at()) ? null : stored);
            byDropTime.remove(candidate);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > 128) {
            throw new IllegalArgumentException("a rate limit key has 1 to 128 characters");
        }
    }

    /** What one key holds; {@code dropAt} is when it stops mattering and may be forgotten. */
    private sealed interface Entry {
        Instant dropAt();
    }

    private record Counter(Instant windowStart, int count, Instant dropAt) implements Entry {
    }

    private record Hold(Duration delay, Instant heldUntil, Instant dropAt) implements Entry {
    }

    /** Orders records by when they may be dropped, then by key, so two at the same instant are both kept. */
    private record DropKey(Instant at, String key) implements Comparable<DropKey> {
        @Override
        public int compareTo(DropKey other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : key.compareTo(other.key);
        }
    }
}
