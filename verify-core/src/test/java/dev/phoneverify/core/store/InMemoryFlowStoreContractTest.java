package dev.phoneverify.core.store;

import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.FlowStoreContract;
import java.time.Clock;

/** The store contract, run against the in-memory store. */
class InMemoryFlowStoreContractTest extends FlowStoreContract {
    @Override
    protected FlowStore createStore(Clock clock) {
        return new InMemoryFlowStore(clock);
    }
}
