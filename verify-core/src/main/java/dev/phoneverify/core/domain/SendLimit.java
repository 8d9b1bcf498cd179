package dev.phoneverify.core.domain;

import java.time.Duration;

/**
 * At most {@code maxStarts} verifications started per {@code window}.
 *
 * @param window at least one second and at most one day
 */
public record SendLimit(int maxStarts, Duration window) {
    public SendLimit {
        if (maxStarts < 1) {
            throw invalid("maxStarts must be at least 1, was " + maxStarts);
        }
        if (window == null || window.compareTo(Duration.ofSeconds(1)) < 0 || window.compareTo(Duration.ofDays(1)) > 0) {
            throw invalid("a send limit's window is from one second to one day, was " + window);
        }
    }

    static InvalidInputException invalid(String message) {
        return new InvalidInputException(InvalidInputException.Field.POLICY, message);
    }

    /** {@code maxStarts} starts per {@code window}. */
    public static SendLimit of(int maxStarts, Duration window) {
        return new SendLimit(maxStarts, window);
    }
}
