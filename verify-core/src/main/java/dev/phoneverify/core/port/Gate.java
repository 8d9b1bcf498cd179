package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.EscalatingDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an admission ({@link RateLimitStore#admit}): a check or a charge on one key, with what
 * {@link RateLimitStore}'s single-key method of the same meaning would do.
 */
public sealed interface Gate {

    /** The key the step reads or charges. */
    String key();

    /** This step alone, through the store's single-key method. */
    Acquisition passThrough(RateLimitStore store, Instant now);

    /** Refuses while {@code key} is held ({@link RateLimitStore#heldUntil}); changes nothing. */
    record Held(String key) implements Gate {
        public Held {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public Acquisition passThrough(RateLimitStore store, Instant now) {
            Optional<Instant> until = store.heldUntil(key, now);
            return until.isPresent() ? Acquisition.refuse(Duration.between(now, until.get())) : Acquisition.grant();
        }
    }

    /** Counts one event against a fixed-window limit ({@link RateLimitStore#tryAcquire}). */
    record Counted(String key, int limit, Duration window) implements Gate {
        public Counted {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(window, "window");
        }

        @Override
        public Acquisition passThrough(RateLimitStore store, Instant now) {
            return store.tryAcquire(key, limit, window, now);
        }
    }

    /** Passes a key that is not held and holds it ({@link RateLimitStore#tryPassAndHold}). */
    record PassAndHold(String key, EscalatingDelay delay) implements Gate {
        public PassAndHold {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(delay, "delay");
        }

        @Override
        public Acquisition passThrough(RateLimitStore store, Instant now) {
            return store.tryPassAndHold(key, delay, now);
        }
    }
}
