package dev.phoneverify.bench;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.service.AbuseControls;
import dev.phoneverify.core.service.VerificationService;
import dev.phoneverify.core.store.InMemoryFlowStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures bytes per pending verification held by the core's in-memory store, and what expiring 1% of them costs.
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.MemoryFootprint [count]}.
 */
public final class MemoryFootprint {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration SHORT_LIFE = Duration.ofMinutes(5);
    private static final Duration LONG_LIFE = Duration.ofMinutes(9);

    private MemoryFootprint() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        measureCoreStore(count);
    }

    static void measureCoreStore(int count) {
        MutableClock clock = new MutableClock(START);
        // Every hundredth request ends early, so exactly 1% come due when the clock passes SHORT_LIFE.
        InstantGateway gateway = new InstantGateway(clock, n -> n % 100 == 0 ? SHORT_LIFE : LONG_LIFE);
        CountingFlowStore store = new CountingFlowStore(new InMemoryFlowStore(clock));
        VerificationService service = new VerificationService(gateway, store, VerificationPolicy.defaults(),
                new Brand("Bench"), clock, AbuseControls.none());

        long before = HeapMeter.usedAfterFullGc();
        for (int i = 0; i < count; i++) {
            service.start(PhoneNumber.parse(Long.toString(447_000_000_000L + i)));
        }
        long after = HeapMeter.usedAfterFullGc();
        report("core store", count, before, after);

        clock.advance(SHORT_LIFE.plusSeconds(1));
        store.resetCounts();
        long began = System.nanoTime();
        int expired = service.expireDue(Integer.MAX_VALUE);
        long took = System.nanoTime() - began;
        System.out.printf(Locale.ROOT, "core store: expired %,d of %,d pending flows in %.1f ms; flows read %,d,"
                        + " flows written %,d%n", expired, count, took / 1e6, store.flowsRead.sum(),
                store.flowsWritten.sum());
    }

    static void report(String what, int count, long before, long after) {
        System.out.printf(Locale.ROOT, "%s: %,d pending verifications hold %,d bytes of heap: %.0f bytes each%n",
                what, count, after - before, (after - before) / (double) count);
    }
}
