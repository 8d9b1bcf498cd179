package dev.phoneverify.core.port;

import java.time.Duration;
import java.util.Objects;

/**
 * When a provider lets a request be cancelled.
 *
 * @param supported            false when the provider has no cancel at all
 * @param notBeforeAge         how long after the start a cancel is first accepted (zero: at once)
 * @param onlyBeforeSecondStep true when a cancel is refused once the second delivery step has happened
 */
public record CancelConstraints(boolean supported, Duration notBeforeAge, boolean onlyBeforeSecondStep) {
    public CancelConstraints {
        Objects.requireNonNull(notBeforeAge, "notBeforeAge");
        if (notBeforeAge.isNegative()) {
            throw new IllegalArgumentException("notBeforeAge cannot be negative");
        }
    }

    /** Cancel is accepted at any time while the request is in progress. */
    public static CancelConstraints anyTime() {
        return new CancelConstraints(true, Duration.ZERO, false);
    }

    /** The provider cannot cancel. */
    public static CancelConstraints unsupported() {
        return new CancelConstraints(false, Duration.ZERO, false);
    }
}
