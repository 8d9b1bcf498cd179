package dev.phoneverify.core.domain;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app's own id for a verification flow: 32 lowercase hex characters, random so ids cannot be guessed.
 */
public record FlowId(String value) {
    private static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    /** Lowercase hex digits, looked up: random ids defeat the branch predictor of a test by ranges. */
    private static final boolean[] HEX_DIGIT = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            HEX_DIGIT[c] = true;
        }
        for (char c = 'a'; c <= 'f'; c++) {
            HEX_DIGIT[c] = true;
        }
    }

    /**
     * One strong generator per thread. SHA1PRNG seeds itself from the operating system on first use, then draws in
     * user space; a shared default NativePRNG reads the kernel's pool under one JVM-wide lock on every id, which
     * cost more than the rest of starting a flow and serialized concurrent starts.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(FlowId::strongRandom);

    public FlowId {
        if (value == null || value.length() != LENGTH) {
            throw invalid();
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (c >= HEX_DIGIT.length || !HEX_DIGIT[c]) {
                throw invalid();
            }
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(InvalidInputException.Field.FLOW_ID,
                "a verification id is " + LENGTH + " lowercase hex characters");
    }

    /** A fresh random id. */
    public static FlowId random() {
        byte[] bytes = new byte[LENGTH / 2];
        RANDOM.get().nextBytes(bytes);
        return new FlowId(HEX.formatHex(bytes));
    }

    private static SecureRandom strongRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's SHA1PRNG secure random is missing", e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
