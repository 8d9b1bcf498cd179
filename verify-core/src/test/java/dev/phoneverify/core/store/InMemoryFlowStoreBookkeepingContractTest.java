package dev.phoneverify.core.store;

import dev.phoneverify.core.port.FlowStoreBookkeepingContract;
import java.time.Clock;

/** The in-memory flow store keeps no books in its writes: the use cases keep them in the in-memory stores. */
class InMemoryFlowStoreBookkeepingContractTest extends FlowStoreBookkeepingContract {
    @Override
    protected Stores createStores() {
        return new Stores(new InMemoryFlowStore(Clock.systemUTC()), new InMemoryRateLimitStore(),
                new InMemoryConversionStatsStore());
    }

    @Override
    protected boolean keepsBooks() {
        return false;
    }
}
