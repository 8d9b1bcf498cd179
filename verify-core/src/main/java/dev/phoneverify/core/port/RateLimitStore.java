package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.EscalatingDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing port to where abuse controls keep their counters and holds. Every method that changes state decides
 * and writes in one atomic step, so several app instances sharing one store never let more through than the
 * limits allow: in SQL each is one {@code INSERT ... ON CONFLICT ... DO UPDATE ... WHERE ... RETURNING} statement,
 * sketched on each method. Implementations are thread-safe.
 *
 * <p>Keys are at most 128 characters and name what they count ({@code number:447700900000},
 * {@code client:203.0.113.7}); they may hold phone numbers, so implementations do not log them.
 *
 * <p>Two kinds of record live under a key, never both under the same key:
 * <ul>
 *   <li>a <b>counter</b> in a fixed window ({@link #tryAcquire}). Fixed windows are exact and need one row per
 *       key; their price is that a client can spend a window's allowance at its end and the next one at the start
 *       of the next window. The resend cooldown makes such bursts impossible for one number.</li>
 *   <li>a <b>hold</b> that closes a key until an instant and grows each time it is renewed ({@link #hold},
 *       {@link #tryPassAndHold}), following an {@link EscalatingDelay}.</li>
 * </ul>
 * A record that no longer matters (a counter after its window, a hold once {@code forgetAfter} has passed since
 * it ended) behaves exactly like a missing one, so implementations may delete it whenever they like.
 */
public interface RateLimitStore {

    /**
     * Counts one event for {@code key} in the fixed window holding {@code now} (see {@link #windowStart}), unless
     * that window has already counted {@code limit}; a refused event is not counted.
     *
     * <pre>{@code
     * INSERT INTO rate_counter (key, window_start, count) VALUES (:key, :windowStart, 1)
     * ON CONFLICT (key) DO UPDATE
     *   SET window_start = :windowStart,
     *       count = CASE WHEN rate_counter.window_start = :windowStart THEN rate_counter.count + 1 ELSE 1 END
     *   WHERE rate_counter.window_start <> :windowStart OR rate_counter.count < :limit
     * RETURNING count            -- no row: refused, retry after windowStart + window - now
     * }</pre>
     *
     * @return granted, or refused with the time left until the window ends
     */
    Acquisition tryAcquire(String key, int limit, Duration window, Instant now);

    /** When the hold on {@code key} ends, if it is held at {@code now}. Changes nothing. */
    Optional<Instant> heldUntil(String key, Instant now);

    /**
     * Holds {@code key} from {@code now} for the next delay: {@code delay.first()} when there is no hold or the
     * last one ended at least {@code delay.forgetAfter()} ago, otherwise {@code delay.after(previous delay)}. A
     * key still held is held again from {@code now}, longer.
     *
     * <pre>{@code
     * INSERT INTO rate_hold (key, delay_ms, held_until) VALUES (:key, :first, :now + :first)
     * ON CONFLICT (key) DO UPDATE
     *   SET delay_ms = <next>, held_until = :now + <next>
     * RETURNING held_until
     * -- <next> = CASE WHEN rate_hold.held_until + :forgetAfter <= :now THEN :first
     * --               ELSE LEAST(rate_hold.delay_ms * 2, :max) END
     * }</pre>
     *
     * @return when the new hold ends
     */
    Instant hold(String key, EscalatingDelay delay, Instant now);

    /**
     * If {@code key} is not held at {@code now}, holds it as {@link #hold} does and grants; otherwise refuses
     * with the time left, and changes nothing. Of two racing callers at most one is granted.
     *
     * <pre>{@code
     * the statement of hold(), with  WHERE rate_hold.held_until <= :now  on the update
     * -- no row: refused; read held_until to say how long is left
     * }</pre>
     */
    Acquisition tryPassAndHold(String key, EscalatingDelay delay, Instant now);

    /**
     * Passes {@code gates} in order, each as its single-key method would, and stops at the first that refuses:
     * the gates before it keep what they charged, the ones after it are not asked. A database store does all of
     * it in one round trip; each gate is still atomic on its own, so limits stay exact across instances.
     */
    default Admission admit(List<Gate> gates, Instant now) {
        for (int i = 0; i < gates.size(); i++) {
            Acquisition answer = gates.get(i).passThrough(this, now);
            if (!answer.granted()) {
                return Admission.refusedBy(i, answer);
            }
        }
        return Admission.admitted();
    }

    /** Forgets any hold or counter under {@code key}: {@code DELETE FROM ... WHERE key = :key}. */
    void release(String key);

    /**
     * The start of the fixed window of length {@code window} that holds {@code now}: windows are laid end to end
     * from the epoch, at millisecond precision.
     */
    static Instant windowStart(Instant now, Duration window) {
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, window.toMillis()));
    }
}
