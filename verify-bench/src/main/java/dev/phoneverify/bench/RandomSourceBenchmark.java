package dev.phoneverify.bench;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one 16-byte id costs from each strong {@link SecureRandom} the JDK offers, shared by two threads or one per
 * thread. It backs the choice of generator for flow ids, request ids and codes; not part of the headline table.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RandomSourceBenchmark {

    /** One generator shared by every thread, as a {@code static final} field would be. */
    @State(Scope.Benchmark)
    public static class Shared {
        @Param({"NativePRNG", "DRBG", "SHA1PRNG"})
        String algorithm;
        SecureRandom random;

        @Setup
        public void setUp() throws NoSuchAlgorithmException {
            random = SecureRandom.getInstance(algorithm);
        }
    }

    /** One generator per thread. */
    @State(Scope.Thread)
    public static class PerThread {
        @Param({"NativePRNG", "DRBG", "SHA1PRNG"})
        String algorithm;
        SecureRandom random;

        @Setup
        public void setUp() throws NoSuchAlgorithmException {
            random = SecureRandom.getInstance(algorithm);
        }
    }

    @Benchmark
    @Threads(2)
    public byte[] sharedTwoThreads(Shared shared) {
        byte[] bytes = new byte[16];
        shared.random.nextBytes(bytes);
        return bytes;
    }

    @Benchmark
    @Threads(2)
    public byte[] perThreadTwoThreads(PerThread own) {
        byte[] bytes = new byte[16];
        own.random.nextBytes(bytes);
        return bytes;
    }
}
