package dev.phoneverify.app;

import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import dev.phoneverify.store.jdbc.JdbcConversionStatsStore;
import dev.phoneverify.store.jdbc.JdbcFlowStore;
import dev.phoneverify.store.jdbc.JdbcIdempotencyStore;
import dev.phoneverify.store.jdbc.JdbcRateLimitStore;
import dev.phoneverify.store.jdbc.JdbcTokenReplayStore;
import dev.phoneverify.store.jdbc.PostgresStores;
import java.time.Clock;

/**
 * Keeps verifications and abuse-control counters in PostgreSQL, shared by every instance pointed at the same
 * database, so a code sent through one instance checks through another and send limits count across all of them.
 * The pool and the JDBC stores stay private to this module; only the core's flow store, the abuse controls over
 * the database's counters and the {@link StoreMaintenance} that purges old rows and closes the pool are exposed. Connecting happens when the injector is built, so an unreachable
 * database stops start-up.
 */
final class PostgresStoreModule extends PrivateModule {
    private final DatabaseSettings settings;

    PostgresStoreModule(DatabaseSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void configure() {
        expose(FlowStore.class);
        expose(AbuseControls.class);
        expose(IdempotencyStore.class);
        expose(TokenReplayStore.class);
        expose(StoreMaintenance.class);
    }

    /** @throws dev.phoneverify.store.jdbc.StoreStartupException the database is unreachable or cannot be migrated */
    @Provides
    @Singleton
    PostgresStores stores() {
        return PostgresStores.connect(settings);
    }

    @Provides
    @Singleton
    JdbcFlowStore jdbcFlowStore(PostgresStores stores, Clock clock) {
        return stores.flowStore(clock);
    }

    @Provides
    FlowStore flowStore(JdbcFlowStore store) {
        return store;
    }

    @Provides
    @Singleton
    JdbcRateLimitStore jdbcRateLimitStore(PostgresStores stores) {
        return stores.rateLimitStore();
    }

    @Provides
    @Singleton
    JdbcConversionStatsStore jdbcConversionStatsStore(PostgresStores stores, Clock clock) {
        return stores.conversionStatsStore(clock);
    }

    @Provides
    @Singleton
    JdbcIdempotencyStore jdbcIdempotencyStore(PostgresStores stores) {
        return stores.idempotencyStore();
    }

    /** Keys beside the flows, so a start retried on another instance finds the first one's verification. */
    @Provides
    IdempotencyStore idempotencyStore(JdbcIdempotencyStore store) {
        return store;
    }

    @Provides
    @Singleton
    JdbcTokenReplayStore jdbcTokenReplays(PostgresStores stores) {
        return stores.tokenReplayStore();
    }

    /** Webhook tokens accepted by any instance on the database, so a replay to another instance fails too. */
    @Provides
    TokenReplayStore tokenReplays(JdbcTokenReplayStore store) {
        return store;
    }

    /** The counters every instance on the database shares, so a limit holds across all of them. */
    @Provides
    @Singleton
    AbuseControls abuseControls(AbuseControlPolicy policy, JdbcRateLimitStore limits,
                                JdbcConversionStatsStore conversions) {
        return new AbuseControls(policy, limits, conversions);
    }

    @Provides
    @Singleton
    StoreMaintenance maintenance(PostgresStores stores, JdbcFlowStore flows, JdbcRateLimitStore limits,
                                 JdbcConversionStatsStore conversions, JdbcIdempotencyStore keys,
                                 JdbcTokenReplayStore tokens, Clock clock) {
        return new PostgresMaintenance(stores, flows, limits, conversions, keys, tokens, clock);
    }
}
