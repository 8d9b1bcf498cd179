package dev.phoneverify.adapter.fake;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand, so expiry and channel fallback are tested without sleeping. Thread-safe.
 *
 * <p>A fixed clock ({@link #FakeClock()}, {@link #startingAt(Instant)}) stands still until {@link #advance} moves it.
 * A clock {@link #followingSystemTime() following system time} ticks like the wall clock and can still be moved
 * forward, which suits a demo app that a person drives by hand.
 *
 * <p>A fake that pushes status (the v2 profile) listens to its clock: when {@link #advance} returns, the steps and
 * expiries that time caused have happened and their updates have been handed on.
 */
public final class FakeClock extends Clock {
    /** Where a fixed clock starts unless told otherwise: a round date, so test output is easy to read. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock base;
    // Shared by clocks derived through withZone, so moving one moves them all and tells every listener.
    private final AtomicReference<Duration> offset;
    private final List<WeakReference<Runnable>> listeners;

    /** A fixed clock at {@link #DEFAULT_START}. */
    public FakeClock() {
        this(Clock.fixed(DEFAULT_START, ZoneOffset.UTC), new AtomicReference<>(Duration.ZERO),
                new CopyOnWriteArrayList<>());
    }

    private FakeClock(Clock base, AtomicReference<Duration> offset, List<WeakReference<Runnable>> listeners) {
        this.base = base;
        this.offset = offset;
        this.listeners = listeners;
    }

    /** A fixed clock at {@code start}. */
    public static FakeClock startingAt(Instant start) {
        return new FakeClock(Clock.fixed(Objects.requireNonNull(start, "start"), ZoneOffset.UTC),
                new AtomicReference<>(Duration.ZERO), new CopyOnWriteArrayList<>());
    }

    /** A clock that ticks with system time and can be moved forward on top of it. */
    public static FakeClock followingSystemTime() {
        return new FakeClock(Clock.systemUTC(), new AtomicReference<>(Duration.ZERO), new CopyOnWriteArrayList<>());
    }

    /**
     * Moves the clock forward, then lets every fake that listens to it catch up; time never moves backwards, so a
     * negative duration is refused.
     */
    public FakeClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward, not by " + duration);
        }
        offset.accumulateAndGet(duration, Duration::plus);
        for (WeakReference<Runnable> reference : listeners) {
            Runnable listener = reference.get();
            if (listener == null) {
                listeners.remove(reference);
            } else {
                listener.run();
            }
        }
        return this;
    }

    /**
     * Runs {@code listener} after every {@link #advance}. Held weakly, so a fake that nobody uses any more is not
     * kept alive by its clock: the caller keeps the listener in a field.
     */
    void onAdvance(Runnable listener) {
        listeners.add(new WeakReference<>(Objects.requireNonNull(listener, "listener")));
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
        return new FakeClock(base.withZone(zone), offset, listeners);
    }

    @Override
    public String toString() {
        return "FakeClock[" + instant() + "]";
    }
}
