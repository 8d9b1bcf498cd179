package dev.phoneverify.bench;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor: the work no in-memory verification can avoid. Draw a 4-digit code from {@link SecureRandom}, keep it
 * in a {@link ConcurrentHashMap} under a key, read it back, compare it with the user's code, remove it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FloorBenchmark {
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<Long, String> codes = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    @Benchmark
    @Threads(1)
    public boolean oneThread() {
        return verifyOnce();
    }

    @Benchmark
    @Threads(2)
    public boolean twoThreads() {
        return verifyOnce();
    }

    private boolean verifyOnce() {
        Long key = keys.incrementAndGet();
        String code = fourDigits(random.nextInt(10_000));
        codes.put(key, code);
        String typed = codes.get(key);
        boolean correct = code.equals(typed);
        codes.remove(key);
        return correct;
    }

    /** Zero-padded without {@code String.format}, whose parsing would dwarf the work being measured. */
    static String fourDigits(int value) {
        char[] digits = new char[4];
        for (int i = 3; i >= 0; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(digits);
    }
}
