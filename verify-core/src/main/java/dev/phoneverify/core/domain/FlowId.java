package dev.phoneverify.core.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app's own id for a verification flow: 32 lowercase hex characters (128 random bits), so ids cannot be
 * guessed and reveal nothing about the number.
 */
public record FlowId(String value) {
    private static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    public FlowId {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(FlowId::isLowerHex)) {
            throw new InvalidInputException(InvalidInputException.Field.FLOW_ID,
                    "a verification id is " + LENGTH + " lowercase hex characters");
        }
    }

    /** A fresh random id. */
    public static FlowId random() {
        byte[] bytes = new byte[LENGTH / 2];
        RANDOM.nextBytes(bytes);
        return new FlowId(HEX.formatHex(bytes));
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    @Override
    public String toString() {
        return value;
    }
}
