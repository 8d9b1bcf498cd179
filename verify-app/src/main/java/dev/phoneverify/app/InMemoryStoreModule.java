package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.store.InMemoryConversionStatsStore;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryRateLimitStore;
import java.time.Clock;

/**
 * Keeps verifications and abuse-control counters in this process's memory: the default, for one instance. The
 * stores drop old records as they are written to, so they need no housekeeping.
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

    @Provides
    @Singleton
    RateLimitStore rateLimitStore() {
        return new InMemoryRateLimitStore();
    }

    @Provides
    @Singleton
    ConversionStatsStore conversionStatsStore() {
        return new InMemoryConversionStatsStore();
    }
}
