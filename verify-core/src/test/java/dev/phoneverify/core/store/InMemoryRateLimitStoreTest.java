package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.EscalatingDelay;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.port.RateLimitStoreContract;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory store meets the contract and forgets records that no longer matter. */
class InMemoryRateLimitStoreTest extends RateLimitStoreContract {
    private final InMemoryRateLimitStore memory = new InMemoryRateLimitStore();

    @Override
    protected RateLimitStore createStore() {
        return memory;
    }

    @Test
    void countersOfPastWindowsAndForgottenHoldsAreDroppedAsTrafficGoesOn() {
        Duration window = Duration.ofMinutes(10);
        EscalatingDelay delay = new EscalatingDelay(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofHours(1));
        for (int i = 0; i < 1_000; i++) {
            memory.tryAcquire("client:" + i, 10, window, NOW);
            memory.hold("resend:" + i, delay, NOW);
        }
        assertThat(memory.size()).isEqualTo(2_000);

        Instant later = NOW.plus(Duration.ofHours(2));
        for (int i = 0; i < 1_000; i++) {
            memory.tryAcquire("client:new-" + i, 10, window, later);
        }

        assertThat(memory.size()).isEqualTo(1_000);
    }
}
