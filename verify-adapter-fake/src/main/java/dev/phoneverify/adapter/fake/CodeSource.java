package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Where codes and request ids come from: secure random by default, a seeded sequence when a test wants the same
 * codes on every run, and codes fixed per number. Codes are drawn under the simulator's lock, so a seeded sequence
 * is the same on every run; ids are drawn outside it.
 */
final class CodeSource {
    private final Optional<Long> seed;
    private final Map<PhoneNumber, String> configuredFixedCodes;
    private final SecureRandom idRandom = strongRandom();
    // Guarded by the simulator's lock.
    private final Map<PhoneNumber, String> fixedCodes = new HashMap<>();
    private RandomGenerator codeRandom;

    CodeSource(Optional<Long> seed, Map<PhoneNumber, String> fixedCodes) {
        this.seed = seed;
        this.configuredFixedCodes = Map.copyOf(fixedCodes);
        reset();
    }

    /** A code of {@code length} digits for a request to {@code number}, or the code fixed for it. */
    String next(Optional<PhoneNumber> number, int length) {
        String fixed = number.map(fixedCodes::get).orElse(null);
        if (fixed != null) {
            return fixed;
        }
        long bound = (long) Math.pow(10, length);
        // nextInt where it reaches, so a seed gives the codes it gave before codes could be longer than 9 digits.
        long code = bound <= Integer.MAX_VALUE ? codeRandom.nextInt((int) bound) : codeRandom.nextLong(bound);
        return String.format("%0" + length + "d", code);
    }

    void fix(PhoneNumber number, String code) {
        fixedCodes.put(number, code);
    }

    /** Sixteen random bytes for a request id. Thread-safe. */
    byte[] idBytes() {
        byte[] bytes = new byte[16];
        idRandom.nextBytes(bytes);
        return bytes;
    }

    /** Back to the codes fixed on the builder, and the seeded sequence from its start. */
    void reset() {
        fixedCodes.clear();
        fixedCodes.putAll(configuredFixedCodes);
        codeRandom = seed.<RandomGenerator>map(Random::new).orElseGet(CodeSource::strongRandom);
    }

    /**
     * SHA1PRNG, still a {@link SecureRandom} seeded by the JDK from the operating system: verify-bench's
     * {@code RandomSourceBenchmark} drew 16 bytes on 2 threads in 209-234 ns against 507-563 ns for the default
     * NativePRNG, which also takes one JVM-wide lock per draw.
     */
    private static SecureRandom strongRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's SHA1PRNG secure random is missing", e);
        }
    }
}
