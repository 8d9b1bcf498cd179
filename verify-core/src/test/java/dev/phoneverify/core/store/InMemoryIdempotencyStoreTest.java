package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.IdempotencyStore.Claim;
import dev.phoneverify.core.port.IdempotencyStoreContract;
import dev.phoneverify.core.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The idempotency-store contract in memory, and how long the in-memory store keeps a key. */
class InMemoryIdempotencyStoreTest extends IdempotencyStoreContract {
    private final MutableClock clock = new MutableClock(NOW);

    @Override
    protected IdempotencyStore createStore() {
        return new InMemoryIdempotencyStore(clock, Duration.ofMinutes(30));
    }

    @Test
    void aKeyIsForgottenOnceItsRetentionHasPassed() {
        IdempotencyKey key = freshKey();
        store().claim(key, "fp-1", NOW, NOW.minusSeconds(120));
        store().complete(key, storedFlow());

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));
        Instant later = clock.instant();

        assertThat(store().claim(key, "fp-2", later, later.minusSeconds(120))).isEqualTo(new Claim.Claimed());
    }
}
