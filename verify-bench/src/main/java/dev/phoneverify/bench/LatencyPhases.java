package dev.phoneverify.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Runs complete verifications in phases and records each one's latency in an HdrHistogram: at a fixed rate
 * (open loop: each verification is due at its slot, and its latency counts from that slot, so a stall shows as
 * the waits it causes instead of hiding them), or saturated (closed loop, every client thread as fast as it can).
 */
final class LatencyPhases {
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** One phase's result. */
    record Result(String name, long verifications, long failures, double seconds, Histogram latency) {
        double perSecond() {
            return verifications / seconds;
        }

        double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1e6;
        }

        String line() {
            return String.format(Locale.ROOT, "%-34s %,7d verifications in %4.1f s = %,7.0f/s; p50 %6.2f ms, "
                            + "p99 %6.2f ms, p99.9 %6.2f ms, max %6.2f ms%s", name, verifications, seconds, perSecond(),
                    millis(50), millis(99), millis(99.9), latency.getMaxValue() / 1e6,
                    failures > 0 ? String.format(Locale.ROOT, ", %,d FAILED", failures) : "");
        }
    }

    private final VerificationClient client;
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    LatencyPhases(VerificationClient client) {
        this.client = client;
    }

    String firstFailure() {
        return firstFailure.get();
    }

    /** {@code rate} verifications a second for {@code length}, spread over {@code threads} client threads. */
    Result fixedRate(String name, int rate, Duration length, int threads) throws InterruptedException {
        Recorder recorder = new Recorder(MAX_NANOS, 3);
        AtomicLong failures = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = length.toSeconds() * rate;
        AtomicLong next = new AtomicLong();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (long slot = next.getAndIncrement(); slot < total; slot = next.getAndIncrement()) {
                    long due = began + slot * interval;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    runOne(recorder, failures, done, due);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(name, done.get(), failures.get(), seconds, recorder.getIntervalHistogram());
    }

    /** {@code threads} client threads, each as fast as it can, for {@code length}. */
    Result saturated(String name, Duration length, int threads) throws InterruptedException {
        Recorder recorder = new Recorder(MAX_NANOS, 3);
        AtomicLong failures = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long began = System.nanoTime();
        long deadline = began + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (System.nanoTime() < deadline) {
                    runOne(recorder, failures, done, System.nanoTime());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(length.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - began) / 1e9;
        return new Result(name, done.get(), failures.get(), seconds, recorder.getIntervalHistogram());
    }

    private void runOne(Recorder recorder, AtomicLong failures, AtomicLong done, long from) {
        try {
            if (client.verify()) {
                done.incrementAndGet();
            } else {
                failures.incrementAndGet();
                firstFailure.compareAndSet(null, "a correct code was not accepted");
            }
        } catch (Exception e) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, e.toString());
        }
        recorder.recordValue(Math.min(MAX_NANOS, System.nanoTime() - from));
    }
}
