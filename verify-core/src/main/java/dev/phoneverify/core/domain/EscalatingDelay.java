package dev.phoneverify.core.domain;

import java.time.Duration;

/**
 * A wait that grows each time it is imposed: {@code first}, then twice the previous wait, never more than
 * {@code max}. Once {@code forgetAfter} has passed since the last wait ended, the next wait is {@code first} again,
 * so a number owner is slowed down, never locked out for good.
 */
public record EscalatingDelay(Duration first, Duration max, Duration forgetAfter) {
    public EscalatingDelay {
        if (first == null || first.compareTo(Duration.ofSeconds(1)) < 0) {
            throw SendLimit.invalid("the first delay is at least one second, was " + first);
        }
        if (max == null || max.compareTo(first) < 0 || max.compareTo(Duration.ofDays(1)) > 0) {
            throw SendLimit.invalid("the longest delay is from the first delay to one day, was " + max);
        }
        if (forgetAfter == null || forgetAfter.isNegative() || forgetAfter.compareTo(Duration.ofDays(30)) > 0) {
            throw SendLimit.invalid("forgetAfter is from zero to 30 days, was " + forgetAfter);
        }
    }

    /** The wait after {@code previous}: doubled, capped at {@link #max()}. */
    public Duration after(Duration previous) {
        Duration doubled = previous.multipliedBy(2);
        return doubled.compareTo(max) > 0 ? max : doubled;
    }
}
