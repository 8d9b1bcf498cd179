package dev.phoneverify.adapter.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so expiry and channel fallback are tested without sleeping. Thread-safe.
 *
 * <p>A fixed clock ({@link #FakeClock()}, {@link #startingAt(Instant)}) stands still until {@link #advance} moves it.
 * A clock {@link #followingSystemTime() following system time} ticks like the wall clock and can still be moved
 * forward, which suits a demo app that a person drives by hand.
 */
public final class FakeClock extends Clock {
    /** Where a fixed clock starts unless told otherwise: a round date, so test output is easy to read. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock base;
    // Shared by clocks derived through withZone, so moving one moves them all.
    private final AtomicReference<Duration> offset;

    /** A fixed clock at {@link #DEFAULT_START}. */
    public FakeClock() {
        this(Clock.fixed(DEFAULT_START, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO));
    }

    private FakeClock(Clock base, AtomicReference<Duration> offset) {
        this.base = base;
        this.offset = offset;
    }

    /** A fixed clock at {@code start}. */
    public static FakeClock startingAt(Instant start) {
        return new FakeClock(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC),
                new AtomicReference<>(Duration.ZERO));
    }

    /** A clock that ticks with system time and can be moved forward on top of it. */
    public static FakeClock followingSystemTime() {
        return new FakeClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves the clock forward; time never moves backwards, so a negative duration is refused. */
    public FakeClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, not by " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new FakeClock(base.withZone(zone), offset);
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }
}
