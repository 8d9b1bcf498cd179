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
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
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
