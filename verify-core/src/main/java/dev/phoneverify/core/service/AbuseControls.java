package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.port.ConversionStatsStore;
import dev.phoneverify.core.port.RateLimitStore;
import dev.phoneverify.core.store.InMemoryConversionStatsStore;
import dev.phoneverify.core.store.InMemoryRateLimitStore;
import java.util.Objects;

/**
 * What a {@link VerificationService} needs to guard against abuse: the policy, and where its counters live. Use
 * in-memory stores for one process; several instances of an app share stores backed by a database.
 */
public record AbuseControls(AbuseControlPolicy policy, RateLimitStore rateLimits, ConversionStatsStore conversions) {
    public AbuseControls {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(conversions, "conversions");
    }

    /** Every control on with its defaults, counting in memory. */
    public static AbuseControls defaults() {
        return inMemory(AbuseControlPolicy.defaults());
    }

    /** Every control off. */
    public static AbuseControls none() {
        return inMemory(AbuseControlPolicy.none());
    }

    /** {@code policy}, counting in memory. */
    public static AbuseControls inMemory(AbuseControlPolicy policy) {
        return new AbuseControls(policy, new InMemoryRateLimitStore(), new InMemoryConversionStatsStore());
    }
}
