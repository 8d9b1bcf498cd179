package dev.phoneverify.app;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Callbacks a test writes by hand, in Vonage's v2 shapes (facts 2.8), with tokens made the way Vonage makes them
 * (facts 2.9) or with one thing wrong, and posts to an app's webhook.
 */
final class ForgedCallbacks {
    private ForgedCallbacks() {
    }

    /** A token as Vonage makes one for {@code body}: issued now, a new id; a test changes one claim. */
    static JWTCreator.Builder token(String body) {
        return JWT.create().withIssuedAt(Instant.now()).withJWTId(UUID.randomUUID().toString())
                .withIssuer("Vonage").withClaim("api_key", V2AppOnEmulator.KEY)
                .withClaim("payload_hash", sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** A genuine token for {@code body}, signed with the account's signature secret. */
    static String signed(String body) {
        return token(body).sign(Algorithm.HMAC256(V2AppOnEmulator.SIGNATURE_SECRET));
    }

    static String summary(String requestId, String status, int channelTimeoutSeconds) {
        String now = Instant.now().toString();
        return "{\"request_id\":\"" + requestId + "\",\"submitted_at\":\"" + now + "\",\"status\":\"" + status
                + "\",\"type\":\"summary\",\"channel_timeout\":" + channelTimeoutSeconds + ",\"workflow\":[{"
                + "\"channel\":\"sms\",\"initiated_at\":\"" + now + "\",\"status\":\"expired\"}],\"finalized_at\":\""
                + now + "\"}";
    }

    static String event(String requestId, String channel, String status) {
        String now = Instant.now().toString();
        return "{\"request_id\":\"" + requestId + "\",\"triggered_at\":\"" + now + "\",\"type\":\"event\","
                + "\"channel\":\"" + channel + "\",\"status\":\"" + status + "\",\"finalized_at\":\"" + now + "\"}";
    }

    /** Posts {@code body} to the app's webhook, with {@code authorization} as the header unless it is null. */
    static ApiClient.Answer post(ApiClient api, String authorization, String body) {
        HttpRequest.Builder request = api.request(VonageV2Settings.DEFAULT_WEBHOOK_PATH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return api.send(request.build());
    }

    private static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
