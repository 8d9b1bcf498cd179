package dev.phoneverify.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * How Vonage signs a webhook (facts §2.9): {@code Authorization: Bearer <JWT>}, HS256 with the account's signature
 * secret, claims {@code iat} (wall clock, Unix seconds), {@code jti} (new for every token), {@code iss} "Vonage",
 * {@code api_key}, {@code payload_hash} (SHA-256 hex of the exact body) and, when the request named one,
 * {@code application_id}. {@link #sign} is what the emulator sends; {@link #verify} is the receiver's side, for tests.
 */
public final class CallbackSignature {
    private static final HexFormat HEX = HexFormat.of();

    private final Algorithm algorithm;
    private final String apiKey;
    private final Clock wallClock;

    /** Signs with {@code signatureSecret} as the account {@code apiKey}, {@code iat} from system time. */
    public CallbackSignature(String signatureSecret, String apiKey) {
        this(signatureSecret, apiKey, Clock.systemUTC());
    }

    /** As above, with the clock that gives {@code iat}: the wall clock, never a test clock the SDK would refuse. */
    public CallbackSignature(String signatureSecret, String apiKey, Clock wallClock) {
        this.algorithm = Algorithm.HMAC256(Objects.requireNonNull(signatureSecret, "signatureSecret"));
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** A token for {@code body}, without an application. */
    public String sign(byte[] body) {
        return sign(body, Optional.empty());
    }

    /** A token for {@code body}, with a fresh {@code jti} and {@code iat}. */
    public String sign(byte[] body, Optional<String> applicationId) {
        JWTCreator.Builder token = JWT.create()
                .withIssuedAt(wallClock.instant())
                .withJWTId(UUID.randomUUID().toString())
                .withIssuer("Vonage")
                .withClaim("api_key", apiKey)
                .withClaim("payload_hash", payloadHash(body));
        applicationId.ifPresent(id -> token.withClaim("application_id", id));
        return token.sign(algorithm);
    }

    /**
     * True when {@code token} (without {@code Bearer }) is an HS256 token by this secret and account, issued by
     * Vonage, whose {@code payload_hash} is that of the raw {@code body} as received. The header's {@code alg} is
     * pinned before the signature is checked; the hashes are compared in constant time.
     */
    public boolean verify(String token, byte[] body) {
        try {
            DecodedJWT decoded = JWT.decode(token);
            if (!"HS256".equals(decoded.getAlgorithm())) {
                return false;
            }
            DecodedJWT verified = JWT.require(algorithm).withIssuer("Vonage").withClaim("api_key", apiKey)
                    .build().verify(decoded);
            String claimed = verified.getClaim("payload_hash").asString();
            return claimed != null && MessageDigest.isEqual(claimed.getBytes(StandardCharsets.US_ASCII),
                    payloadHash(body).getBytes(StandardCharsets.US_ASCII));
        } catch (JWTVerificationException e) {
            return false;
        }
    }

    /** SHA-256 of {@code body} as 64 lowercase hex characters. */
    public static String payloadHash(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
