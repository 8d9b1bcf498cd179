package dev.phoneverify.app.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side browser sessions that hold one thing: the synchronizer token every form carries (OWASP CSRF cheat
 * sheet). The cookie is {@code HttpOnly} and {@code SameSite=Lax}; sessions idle for an hour are forgotten.
 */
final class BrowserSessions {
    static final String COOKIE = "pv_session";
    static final String TOKEN_FIELD = "csrf";
    private static final Duration IDLE_LIMIT = Duration.ofHours(1);
    private static final int MAX_SESSIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    BrowserSessions(Clock clock) {
        this.clock = clock;
    }

    /** The token for this browser's session, starting a session (and setting its cookie) when there is none. */
    String tokenFor(Context ctx) {
        Instant now = clock.instant();
        Session session = current(ctx, now);
        if (session == null) {
            forgetIdle(now);
            String id = randomHex();
            session = new Session(randomHex(), now);
            sessions.put(id, session);
            ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax");
        }
        return session.token;
    }

    /** Refuses a form post whose session is unknown or whose token does not match it. */
    void requireValidToken(Context ctx, String submitted) {
        Session session = current(ctx, clock.instant());
        if (session == null || submitted == null || !MessageDigest.isEqual(
                session.token.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejectedException();
        }
    }

    private Session current(Context ctx, Instant now) {
        String id = ctx.cookie(COOKIE);
        Session session = id == null ? null : sessions.get(id);
        if (session == null || session.idleSince(now).compareTo(IDLE_LIMIT) > 0) {
            return null;
        }
        session.lastSeen = now;
        return session;
    }

    private void forgetIdle(Instant now) {
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(session -> session.idleSince(now).compareTo(IDLE_LIMIT) > 0);
        }
        if (sessions.size() >= MAX_SESSIONS) {
            // Still full of live sessions: dropping one at random beats growing without bound.
            sessions.keySet().stream().findAny().ifPresent(sessions::remove);
        }
    }

    private static String randomHex() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One browser's session. */
    private static final class Session {
        final String token;
        volatile Instant lastSeen;

        Session(String token, Instant lastSeen) {
            this.token = token;
            this.lastSeen = lastSeen;
        }

        Duration idleSince(Instant now) {
            return Duration.between(lastSeen, now);
        }
    }

    /** A form post without a valid synchronizer token: answered 403. */
    static final class CsrfRejectedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CsrfRejectedException() {
            super("missing or wrong CSRF token", null, false, false);
        }
    }
}
