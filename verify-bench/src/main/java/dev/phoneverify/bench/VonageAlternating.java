package dev.phoneverify.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * The core + Vonage adapter against the raw SDK, in alternating short rounds (A B, B A, A B, ...) on the same
 * emulator, and the median of the per-pair ratios.
 *
 * <p>Over HTTP a verification takes about a millisecond, so on a shared machine the load of other processes swings
 * JMH's back-to-back results by more than the difference being measured. Pairing each adapter round with a raw
 * round right next to it, in alternating order, exposes both sides to the same load; the median drops the pairs a
 * burst hit. It complements {@link VonageBenchmark}, which gives the throughput and allocation of each side.
 *
 * <p>Both sides warm up together until the JIT has gone quiet. The SDK builds a Jackson {@code ObjectMapper} for
 * every answer it parses, and on 2 cores C2 keeps a whole core busy compiling that path for 20-30 s: rounds measured
 * during that time compared whichever side the compiler happened to slow down (ratios from 0.70 to 1.17 in one run).
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.VonageAlternating [pairs
 * [roundMillis]]}; defaults 20 pairs (also the least) of 1,000 ms rounds, at 1 and at 2 threads.
 */
public final class VonageAlternating {
    private static final int MIN_PAIRS = 20;
    /** Warm-up pairs last this long, until {@link #QUIET_PAIRS} in a row spend under 2% of it in the JIT. */
    private static final long WARM_UP_PAIR_MILLIS = 2_000;
    private static final int QUIET_PAIRS = 3;
    private static final double QUIET_SHARE = 0.02;
    private static final int MAX_WARM_UP_PAIRS = 60;

    private VonageAlternating() {
    }

    public static void main(String[] args) throws Exception {
        // Fewer than 20 pairs cannot tell 0.94 from 0.99 on a shared machine.
        int pairs = Math.max(MIN_PAIRS, args.length > 0 ? Integer.parseInt(args[0]) : MIN_PAIRS);
        long roundMillis = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        VonageBenchmark.Shared shared = new VonageBenchmark.Shared();
        shared.setUp();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int threads = 1; threads <= 2; threads++) {
                measure(shared, pool, threads, pairs, roundMillis);
            }
        } finally {
            pool.shutdownNow();
            shared.tearDown();
        }
    }

    private static void measure(VonageBenchmark.Shared shared, ExecutorService pool, int threads, int pairs,
                                long roundMillis) throws Exception {
        VonageBenchmark.Caller[] callers = new VonageBenchmark.Caller[threads];
        for (int i = 0; i < threads; i++) {
            callers[i] = new VonageBenchmark.Caller();
            callers[i].setUp(shared);
        }
        BiConsumer<VonageBenchmark.Shared, VonageBenchmark.Caller> adapter = VonageBenchmark::verifyThroughService;
        BiConsumer<VonageBenchmark.Shared, VonageBenchmark.Caller> raw = VonageBenchmark::verifyWithSdk;
        long warmUpMillis = warmUp(shared, pool, callers, adapter, raw);
        double[] ratios = new double[pairs];
        double adapterTotal = 0;
        double rawTotal = 0;
        for (int i = 0; i < pairs; i++) {
            double a;
            double r;
            // Alternate the order, so a trend in the machine's load favours neither side.
            if (i % 2 == 0) {
                a = round(shared, pool, callers, adapter, roundMillis);
                r = round(shared, pool, callers, raw, roundMillis);
            } else {
                r = round(shared, pool, callers, raw, roundMillis);
                a = round(shared, pool, callers, adapter, roundMillis);
            }
            ratios[i] = a / r;
            adapterTotal += a;
            rawTotal += r;
        }
        Arrays.sort(ratios);
        double median = pairs % 2 == 1 ? ratios[pairs / 2] : (ratios[pairs / 2 - 1] + ratios[pairs / 2]) / 2;
        System.out.printf(Locale.ROOT, "vonage alternating, %d thread%s: core + adapter %,.0f verifications/s, raw SDK"
                        + " %,.0f verifications/s (means of %d rounds of %d ms, after %.0f s of warm-up); median"
                        + " ratio %.2f (range %.2f-%.2f), target >= 0.95: %s%n", threads, threads == 1 ? "" : "s",
                adapterTotal / pairs, rawTotal / pairs, pairs, roundMillis, warmUpMillis / 1000.0, median,
                ratios[0], ratios[pairs - 1], median >= 0.95 ? "met" : "missed");
    }

    /**
     * Alternates both sides until the JIT spends under 2% of the time compiling, {@link #QUIET_PAIRS} pairs in a row;
     * returns how long that took. Fails if it never settles: rounds measured while C2 works are not comparable.
     */
    private static long warmUp(VonageBenchmark.Shared shared, ExecutorService pool, VonageBenchmark.Caller[] callers,
                               BiConsumer<VonageBenchmark.Shared, VonageBenchmark.Caller> adapter,
                               BiConsumer<VonageBenchmark.Shared, VonageBenchmark.Caller> raw) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not report JIT time: the warm-up cannot tell when it ends");
        }
        long began = System.nanoTime();
        int quiet = 0;
        for (int pair = 0; quiet < QUIET_PAIRS; pair++) {
            if (pair == MAX_WARM_UP_PAIRS) {
                throw new IllegalStateException("the JIT was still compiling after " + pair + " warm-up pairs");
            }
            long compiledBefore = jit.getTotalCompilationTime();
            round(shared, pool, callers, adapter, WARM_UP_PAIR_MILLIS / 2);
            round(shared, pool, callers, raw, WARM_UP_PAIR_MILLIS / 2);
            // Summed over the compiler threads: 40 ms of it in a 2 s pair is 2% of one core.
            boolean settled = jit.getTotalCompilationTime() - compiledBefore < QUIET_SHARE * WARM_UP_PAIR_MILLIS;
            quiet = settled ? quiet + 1 : 0;
        }
        return (System.nanoTime() - began) / 1_000_000;
    }

    /** Runs {@code verification} on every caller's thread for {@code millis}; returns verifications per second. */
    private static double round(VonageBenchmark.Shared shared, ExecutorService pool, VonageBenchmark.Caller[] callers,
                                BiConsumer<VonageBenchmark.Shared, VonageBenchmark.Caller> verification, long millis)
            throws Exception {
        long began = System.nanoTime();
        long deadline = began + millis * 1_000_000;
        List<Future<Integer>> running = new ArrayList<>();
        for (VonageBenchmark.Caller caller : callers) {
            running.add(pool.submit(() -> {
                int done = 0;
                while (System.nanoTime() < deadline) {
                    verification.accept(shared, caller);
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Integer> thread : running) {
            total += thread.get();
        }
        return total / ((System.nanoTime() - began) / 1e9);
    }
}
