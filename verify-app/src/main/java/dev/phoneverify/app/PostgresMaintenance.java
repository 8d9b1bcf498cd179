package dev.phoneverify.app;

import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.store.jdbc.JdbcConversionStatsStore;
import dev.phoneverify.store.jdbc.JdbcFlowStore;
import dev.phoneverify.store.jdbc.JdbcIdempotencyStore;
import dev.phoneverify.store.jdbc.JdbcRateLimitStore;
import dev.phoneverify.store.jdbc.JdbcTokenReplayStore;
import dev.phoneverify.store.jdbc.PostgresStores;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges flows beyond their retention (their idempotency keys go with them), idempotency keys whose start never
 * finished, expired send counters and holds, old conversion buckets and webhook token ids past the allowed age
 * from PostgreSQL
 * once a minute, and closes the pool when the app stops. Every instance runs it; the purges' {@code SKIP LOCKED}
 * makes concurrent purges share the rows instead of queueing.
 */
final class PostgresMaintenance implements StoreMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresMaintenance.class);
    private static final long PURGE_EVERY_SECONDS = 60;
    /** Idempotency keys whose start never finished (an instance stopped mid-start); long past their lease. */
    private static final Duration UNFINISHED_KEYS_KEPT = Duration.ofHours(1);

    private final PostgresStores stores;
    private final JdbcFlowStore flows;
    private final JdbcRateLimitStore limits;
    private final JdbcConversionStatsStore conversions;
    private final JdbcIdempotencyStore keys;
    private final JdbcTokenReplayStore tokens;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "phone-verify-purge");
        thread.setDaemon(true);
        return thread;
    });

    PostgresMaintenance(PostgresStores stores, JdbcFlowStore flows, JdbcRateLimitStore limits,
                        JdbcConversionStatsStore conversions, JdbcIdempotencyStore keys, JdbcTokenReplayStore tokens,
                        Clock clock) {
        this.stores = stores;
        this.keys = keys;
        this.flows = flows;
        this.limits = limits;
        this.conversions = conversions;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public boolean isAvailable() {
        return stores.isAvailable();
    }

    @Override
    public void start() {
        scheduler.scheduleWithFixedDelay(this::purge, PURGE_EVERY_SECONDS, PURGE_EVERY_SECONDS, TimeUnit.SECONDS);
    }

    void purge() {
        try {
            int dropped = flows.purgeBeyondRetention() + limits.purgeExpired(clock.instant())
                    + conversions.purgeBeyondRetention()
                    + keys.purgeUnfinishedBefore(clock.instant().minus(UNFINISHED_KEYS_KEPT))
                    + tokens.purgeExpired(clock.instant());
            LOG.debug("purged {} old rows", dropped);
        } catch (StoreUnavailableException e) {
            // An outage is already visible as 503s; one line per missed purge is enough, and the next one catches up.
            LOG.warn("purging old rows failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            // A failed purge must not cancel the schedule.
            LOG.warn("purging old rows failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            // A purge under way finishes its statement before the pool goes away beneath it.
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stores.close();
    }
}
