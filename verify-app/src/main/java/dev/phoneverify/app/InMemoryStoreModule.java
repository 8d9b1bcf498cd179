package dev.phoneverify.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.store.InMemoryStores;
import java.time.Clock;

/**
 * Keeps verifications, their idempotency keys and abuse-control counters in this process's memory: the default,
 * for one instance, and a named choice ({@link InMemoryStores}), so several instances never count in memory by
 * mistake. The stores drop old records as they are written to, so they need no housekeeping.
 */
final class InMemoryStoreModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(StoreMaintenance.class).toInstance(StoreMaintenance.NONE);
    }

    @Provides
    @Singleton
    FlowStore flowStore(Clock clock) {
        return InMemoryStores.flows(clock);
    }

    /** The ids of the webhook tokens this instance accepted. */
    @Provides
    @Singleton
    TokenReplayStore tokenReplays() {
        return InMemoryStores.tokenReplays();
    }

    @Provides
    @Singleton
    IdempotencyStore idempotencyKeys(Clock clock) {
        return InMemoryStores.idempotencyKeys(clock);
    }

    @Provides
    @Singleton
    AbuseControls abuseControls(AbuseControlPolicy policy) {
        return InMemoryStores.abuseControls(policy);
    }
}
