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
        for (int i = 0; i < InMemoryTokenReplayStore.PURGE_EVERY * 4; i++) {
            store.rememberIfNew("jti-" + i, NOW.plusSeconds(i + 1L), NOW.plusSeconds(i));
        }

        assertThat(store.size()).isLessThanOrEqualTo(InMemoryTokenReplayStore.PURGE_EVERY);
    }
}
