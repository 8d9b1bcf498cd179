package dev.phoneverify.core.domain;

import java.time.Duration;

/**
 * The rules one verification lives by.
 *
 * @param maxWrongAttempts wrong codes allowed per flow before it fails (default 3)
 * @param maxLifetime      the longest a flow may stay pending, whatever the provider says (default 10 minutes,
 *                         NIST SP 800-63B's limit for out-of-band codes)
 * @param codeLength       digits in a code the provider generates: 4 to 10 (default 4); a gateway may allow fewer
 *                         lengths, and says which in its capabilities
 */
public record VerificationPolicy(int maxWrongAttempts, Duration maxLifetime, int codeLength) {
    public static final int DEFAULT_MAX_WRONG_ATTEMPTS = 3;
    public static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(10);
    public static final int DEFAULT_CODE_LENGTH = 4;

    public VerificationPolicy {
        if (maxWrongAttempts < 1 || maxWrongAttempts > 10) {
            throw invalid("maxWrongAttempts must be 1 to 10, was " + maxWrongAttempts);
        }
        if (maxLifetime == null || maxLifetime.isNegative() || maxLifetime.isZero()
                || maxLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw invalid("maxLifetime must be more than zero and at most one hour, was " + maxLifetime);
        }
        if (codeLength < 4 || codeLength > 10) {
            throw invalid("codeLength must be 4 to 10, was " + codeLength);
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.POLICY, message);
    }

    /** 3 wrong attempts, 10 minutes, 4 digits. */
    public static VerificationPolicy defaults() {
        return new VerificationPolicy(DEFAULT_MAX_WRONG_ATTEMPTS, DEFAULT_MAX_LIFETIME, DEFAULT_CODE_LENGTH);
    }

    public VerificationPolicy withMaxWrongAttempts(int attempts) {
        return new VerificationPolicy(attempts, maxLifetime, codeLength);
    }

    public VerificationPolicy withMaxLifetime(Duration lifetime) {
        return new VerificationPolicy(maxWrongAttempts, lifetime, codeLength);
    }

    public VerificationPolicy withCodeLength(int length) {
        return new VerificationPolicy(maxWrongAttempts, maxLifetime, length);
    }
}
