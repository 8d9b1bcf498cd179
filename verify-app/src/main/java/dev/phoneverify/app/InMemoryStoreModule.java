package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.store.InMemoryFlowStore;
import java.time.Clock;

/**
 * Keeps verifications in this process's memory: the default, for one instance. The store drops old flows as it
 * is written to, so it needs no housekeeping.
 */
final class InMemoryStoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(StoreMaintenance.class).toInstance(StoreMaintenance.NONE);
    }

    @Provides
    @Singleton
    FlowStore flowStore(Clock clock) {
        return new InMemoryFlowStore(clock);
    }
}
