package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.port.TokenReplayStoreContract;
import org.junit.jupiter.api.Test;

/** The replay store contract in memory, and its own bound on size. */
class InMemoryTokenReplayStoreTest extends TokenReplayStoreContract {

    @Override
    protected TokenReplayStore createStore() {
        return InMemoryStores.tokenReplays();
    }

    @Test
    void idsWhoseTimePassedAreDroppedAsNewOnesArrive() {
        InMemoryTokenReplayStore store = InMemoryStores.tokenReplays();
        for (int i = 0; i < 1000; i++) {
            store.rememberIfNew("jti-" + i, NOW.plusSeconds(i + 1L), NOW.plusSeconds(i));
        }

        // Each id lives one second and arrives a second after the one before: only the newest is still live.
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.rememberIfNew("jti-999", NOW.plusSeconds(2000), NOW.plusSeconds(999))).isFalse();
        assertThat(store.rememberIfNew("jti-998", NOW.plusSeconds(2000), NOW.plusSeconds(999))).isTrue();
    }
}
