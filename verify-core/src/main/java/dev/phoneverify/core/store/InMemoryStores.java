package dev.phoneverify.core.store;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.AbuseControls;
import java.time.Clock;

/**
 * Adapter: the in-memory stores, for one process. Naming this choice is the point: an app with several instances
 * shares stores in a database instead, and nothing counts in memory unless asked to here.
 */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    /** Flows in memory, finished ones kept {@link InMemoryFlowStore#DEFAULT_RETENTION}. */
    public static InMemoryFlowStore flows(Clock clock) {
        return new InMemoryFlowStore(clock);
    }

    /** Idempotency keys of starts in memory, each kept as long as the in-memory flow store keeps its flow. */
    public static InMemoryIdempotencyStore idempotencyKeys(Clock clock) {
        return new InMemoryIdempotencyStore(clock);
    }

    /** {@code policy}'s abuse controls, counting in memory. */
    public static AbuseControls abuseControls(AbuseControlPolicy policy) {
        return new AbuseControls(policy, new InMemoryRateLimitStore(), new InMemoryConversionStatsStore());
    }

    /** Token ids a webhook intake has accepted, remembered in memory. */
    public static InMemoryTokenReplayStore tokenReplays() {
        return new InMemoryTokenReplayStore();
    }

    /** Every abuse control on with its defaults, counting in memory. */
    public static AbuseControls defaultAbuseControls() {
        return abuseControls(AbuseControlPolicy.defaults());
    }
}
