package dev.phoneverify.core.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The app's own id for a verification flow: 32 lowercase hex characters, random so ids cannot be guessed.
 */
public record FlowId(String value) {
    private static final int LENGTH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

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
        RANDOM.nextBytes(bytes);
        return new FlowId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
