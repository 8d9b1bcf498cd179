package dev.phoneverify.bench;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures bytes per pending verification held by the core's in-memory store and by the fake, and what expiring 1%
 * of them costs: how many flows or requests that touches, and how long it takes.
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
        measureFake(count, count / 100);
        // The same number of expiries among ten times fewer requests: if expiry scanned every pending request,
        // this would take a tenth of the time; it takes about as long, because it touches only the due ones.
        measureFake(count / 10, count / 100);
    }

    static void measureCoreStore(int count) {
        FakeClock clock = FakeClock.startingAt(START);
        // Every hundredth request ends early, so exactly 1% come due when the clock passes SHORT_LIFE.
        InstantGateway gateway = new InstantGateway(clock, n -> n % 100 == 0 ? SHORT_LIFE : LONG_LIFE);
        CountingFlowStore store = new CountingFlowStore(new InMemoryFlowStore(clock));
        Verifications service = Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Bench")).clock(clock).build();

        long before = HeapMeter.usedAfterFullGc();
        for (int i = 0; i < count; i++) {
            service.start(StartCommand.to(PhoneNumber.parse(Long.toString(447_000_000_000L + i))));
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

    /**
     * {@code count} pending requests in the fake, {@code due} of them on a 60-second PIN and the rest on a
     * 10-minute one (workflow 6: one SMS, then the request ends when its PIN expires). The clock then passes the
     * short expiry, and one call lets the fake catch up.
     */
    static void measureFake(int count, int due) {
        FakeClock clock = FakeClock.startingAt(START);
        FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(clock).build();
        V1Timings oneSms = V1Timings.of(V1Workflow.SMS_ONLY);
        V1Timings shortPin = oneSms.withPinExpiry(Duration.ofSeconds(60));
        V1Timings longPin = oneSms.withPinExpiry(Duration.ofSeconds(600));
        Workflow workflow = FakeVerificationGateway.workflowOf(oneSms);
        Brand brand = new Brand("Bench");
        int stride = count / due;

        long before = HeapMeter.usedAfterFullGc();
        for (int i = 0; i < count; i++) {
            PhoneNumber number = PhoneNumber.parse(Long.toString(447_000_000_000L + i));
            fake.start(StartRequest.of(number, brand, 4, workflow), i % stride == 0 ? shortPin : longPin);
        }
        long after = HeapMeter.usedAfterFullGc();
        report("fake", count, before, after);

        int activeBefore = fake.activeRequestCount();
        clock.advance(Duration.ofSeconds(61));
        long began = System.nanoTime();
        int activeAfter = fake.activeRequestCount();
        long took = System.nanoTime() - began;
        long quietBegan = System.nanoTime();
        fake.activeRequestCount();
        long quiet = System.nanoTime() - quietBegan;
        System.out.printf(Locale.ROOT, "fake: expired %,d of %,d pending requests in %.1f ms (%.2f us each);"
                        + " %,d still in progress; the next call, with nothing due, took %.1f us%n",
                activeBefore - activeAfter, count, took / 1e6, took / 1e3 / Math.max(1, activeBefore - activeAfter),
                activeAfter, quiet / 1e3);
        // Keeps the fake reachable until here, so the heap delta above was not collected early.
        if (fake.retainedRequestCount() != count) {
            throw new IllegalStateException("the fake dropped requests it should have retained");
        }
    }

    static void report(String what, int count, long before, long after) {
        System.out.printf(Locale.ROOT, "%s: %,d pending verifications hold %,d bytes of heap: %.0f bytes each%n",
                what, count, after - before, (after - before) / (double) count);
    }
}
