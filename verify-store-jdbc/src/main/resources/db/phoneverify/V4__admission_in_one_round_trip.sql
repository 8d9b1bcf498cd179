-- A start's admission in one round trip: RateLimitStore.admit's gates, passed in order, stopping at the first
-- refusal. Each gate is the statement its single-key method runs (V2's tables), so every gate stays atomic on
-- its own and limits stay exact across instances; the gates before a refusal keep what they charged, as they do
-- when called one by one. The whole call is one statement in auto-commit: its row locks (taken in the gates'
-- order, client, number, calling code, cooldown, for every caller) last only until it returns.
--
-- p_kinds[i]: 'held' refuses while p_keys[i] is held; 'count' charges the fixed-window counter (p_limits[i],
-- p_window_starts[i], p_window_ends[i]); 'pass' passes a key not held and holds it with the escalating delay
-- (p_first_ms[i], p_max_ms[i], p_forget_ms[i]).
-- Returns no row when every gate passed, else the refusing gate (1-based) and when it could pass.
CREATE FUNCTION phoneverify_admit(p_now timestamptz, p_kinds text[], p_keys text[], p_limits integer[],
                                  p_window_starts timestamptz[], p_window_ends timestamptz[],
                                  p_first_ms bigint[], p_max_ms bigint[], p_forget_ms bigint[])
    RETURNS TABLE (refused_by integer, retry_at timestamptz)
    LANGUAGE plpgsql VOLATILE
AS $$
#variable_conflict use_column
DECLARE
    v_until timestamptz;
    v_count integer;
BEGIN
    FOR i IN 1 .. coalesce(array_length(p_kinds, 1), 0) LOOP
        IF p_kinds[i] = 'held' THEN
            SELECT held_until INTO v_until FROM rate_limit_hold WHERE key = p_keys[i] AND held_until > p_now;
            IF FOUND THEN
                refused_by := i;
                retry_at := v_until;
                RETURN NEXT;
                RETURN;
            END IF;
        ELSIF p_kinds[i] = 'count' THEN
            INSERT INTO rate_limit_counter AS c (key, window_start, window_end, count)
            VALUES (p_keys[i], p_window_starts[i], p_window_ends[i], 1)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN c.window_start < EXCLUDED.window_start THEN 1 ELSE c.count + 1 END,
                window_start = GREATEST(c.window_start, EXCLUDED.window_start),
                window_end = GREATEST(c.window_end, EXCLUDED.window_end)
            WHERE c.window_start < EXCLUDED.window_start OR c.count < p_limits[i]
            RETURNING c.count INTO v_count;
            IF NOT FOUND THEN
                refused_by := i;
                retry_at := p_window_ends[i];
                RETURN NEXT;
                RETURN;
            END IF;
        ELSIF p_kinds[i] = 'pass' THEN
            INSERT INTO rate_limit_hold AS h (key, delay_ms, held_until, forget_at)
            VALUES (p_keys[i], p_first_ms[i], p_now + p_first_ms[i] * INTERVAL '1 millisecond',
                    p_now + (p_first_ms[i] + p_forget_ms[i]) * INTERVAL '1 millisecond')
            ON CONFLICT (key) DO UPDATE SET
                delay_ms = CASE WHEN h.forget_at > p_now THEN LEAST(h.delay_ms * 2, p_max_ms[i])
                                ELSE p_first_ms[i] END,
                held_until = p_now + (CASE WHEN h.forget_at > p_now THEN LEAST(h.delay_ms * 2, p_max_ms[i])
                                           ELSE p_first_ms[i] END) * INTERVAL '1 millisecond',
                forget_at = p_now + ((CASE WHEN h.forget_at > p_now THEN LEAST(h.delay_ms * 2, p_max_ms[i])
                                           ELSE p_first_ms[i] END) + p_forget_ms[i]) * INTERVAL '1 millisecond'
            WHERE h.held_until <= p_now
            RETURNING h.held_until INTO v_until;
            IF NOT FOUND THEN
                -- Refused already; this read only says for how long, and a hold gone meanwhile means "try now".
                SELECT held_until INTO v_until FROM rate_limit_hold WHERE key = p_keys[i] AND held_until > p_now;
                refused_by := i;
                retry_at := coalesce(v_until, p_now);
                RETURN NEXT;
                RETURN;
            END IF;
        ELSE
            RAISE EXCEPTION 'unknown admission gate kind %', p_kinds[i];
        END IF;
    END LOOP;
END
$$;
