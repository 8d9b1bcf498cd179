package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.EscalatingDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the use cases need to guard against abuse: the policy, and the stores its counters live in. There is no
 * default: an app says which stores it counts in (in memory for one process, a shared database for several
 * instances), so forgetting to share them across instances cannot happen silently.
 */
public record AbuseControls(AbuseControlPolicy policy, RateLimitStore rateLimits, ConversionStatsStore conversions) {
    public AbuseControls {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(conversions, "conversions");
    }

    /** Every control off; nothing is counted anywhere. */
    public static AbuseControls off() {
        return new AbuseControls(AbuseControlPolicy.none(), NoStores.INSTANCE, NoStores.INSTANCE);
    }

    /** Stores for a policy that is off: no control asks them anything, and one that does is a bug. */
    private enum NoStores implements RateLimitStore, ConversionStatsStore {
        INSTANCE;

        private static IllegalStateException notCounting() {
            return new IllegalStateException("abuse controls are off: nothing is counted");
        }

        @Override
        public Acquisition tryAcquire(String key, int limit, Duration window, Instant now) {
            throw notCounting();
        }

        @Override
        public Optional<Instant> heldUntil(String key, Instant now) {
            throw notCounting();
        }

        @Override
        public Instant hold(String key, EscalatingDelay delay, Instant now) {
            throw notCounting();
        }

        @Override
        public Acquisition tryPassAndHold(String key, EscalatingDelay delay, Instant now) {
            throw notCounting();
        }

        @Override
        public void release(String key) {
            throw notCounting();
        }

        @Override
        public void countStarted(CallingCode code, Instant bucket) {
            throw notCounting();
        }

        @Override
        public void countVerified(CallingCode code, Instant bucket) {
            throw notCounting();
        }

        @Override
        public ConversionCounts countsSince(CallingCode code, Instant from) {
            throw notCounting();
        }

        @Override
        public boolean setAlarmRaised(CallingCode code, boolean raised) {
            throw notCounting();
        }

        @Override
        public Set<CallingCode> raisedAlarms() {
            throw notCounting();
        }
    }
}
