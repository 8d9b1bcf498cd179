package dev.phoneverify.adapter.vonage.webhook;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.phoneverify.core.port.TokenReplayStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a callback's token as facts 2.9 describes, in this order: a Bearer token is there; its header says HS256
 * (pinned before the signature is looked at); one of the signature secrets signed it (java-jwt checks the HMAC);
 * {@code iss} is {@code Vonage}; {@code api_key} is ours when one is configured; {@code iat} is neither older than
 * the allowed age nor ahead by more than the skew; {@code payload_hash} is the SHA-256 of the exact body bytes
 * (compared in constant time); {@code jti} is present. The replay check comes after, in the intake, so a forged
 * token never takes a place in the replay store.
 */
final class TokenCheck {
    private static final String BEARER = "bearer ";
    private static final HexFormat HEX = HexFormat.of();

    /** A token that passed every check but the replay one. */
    record Signed(String tokenId, Instant issuedAt) {
    }

    /** The check's result: the token, or why it was refused. */
    record Verdict(Optional<Signed> token, Optional<Forgery> refusal) {
        static Verdict refused(Forgery forgery) {
            return new Verdict(Optional.empty(), Optional.of(forgery));
        }
    }

    private final List<Algorithm> algorithms;
    private final WebhookSettings settings;

    TokenCheck(WebhookSettings settings) {
        this.settings = settings;
        this.algorithms = settings.signatureSecrets().stream().map(Algorithm::HMAC256).toList();
    }

    Verdict check(Optional<String> authorization, byte[] body) {
        Optional<String> token = authorization.map(String::strip)
                .filter(header -> header.toLowerCase(Locale.ROOT).startsWith(BEARER))
                .map(header -> header.substring(BEARER.length()).strip())
                .filter(value -> !value.isEmpty());
        if (token.isEmpty()) {
            return Verdict.refused(Forgery.NO_SIGNATURE);
        }
        DecodedJWT decoded;
        try {
            decoded = JWT.decode(token.get());
        } catch (JWTDecodeException e) {
            return Verdict.refused(Forgery.BAD_SIGNATURE);
        }
        if (!"HS256".equals(decoded.getAlgorithm()) || !signedByUs(decoded)) {
            return Verdict.refused(Forgery.BAD_SIGNATURE);
        }
        if (!"Vonage".equals(decoded.getIssuer())) {
            return Verdict.refused(Forgery.NOT_FROM_VONAGE);
        }
        if (settings.apiKey().isPresent() && !settings.apiKey().get().equals(claim(decoded, "api_key"))) {
            return Verdict.refused(Forgery.OTHER_ACCOUNT);
        }
        Instant issuedAt;
        try {
            issuedAt = decoded.getIssuedAtAsInstant();
        } catch (JWTDecodeException e) {
            return Verdict.refused(Forgery.TOO_OLD);
        }
        Instant now = settings.clock().instant();
        if (issuedAt == null || issuedAt.isBefore(now.minus(settings.maxAge()))) {
            return Verdict.refused(Forgery.TOO_OLD);
        }
        if (issuedAt.isAfter(now.plus(settings.clockSkew()))) {
            return Verdict.refused(Forgery.ISSUED_IN_THE_FUTURE);
        }
        String claimedHash = claim(decoded, "payload_hash");
        if (claimedHash == null || !MessageDigest.isEqual(claimedHash.getBytes(StandardCharsets.US_ASCII),
                sha256Hex(body).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.refused(Forgery.BODY_CHANGED);
        }
        String tokenId = decoded.getId();
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > TokenReplayStore.MAX_ID_LENGTH) {
            return Verdict.refused(Forgery.REPLAYED);
        }
        return new Verdict(Optional.of(new Signed(tokenId, issuedAt)), Optional.empty());
    }

    private boolean signedByUs(DecodedJWT decoded) {
        for (Algorithm algorithm : algorithms) {
            try {
                algorithm.verify(decoded);
                return true;
            } catch (SignatureVerificationException e) {
                // Try the next secret: during a rotation two are configured.
            }
        }
        return false;
    }

    private static String claim(DecodedJWT decoded, String name) {
        try {
            return decoded.getClaim(name).asString();
        } catch (JWTDecodeException e) {
            return null;
        }
    }

    /** SHA-256 of {@code body} as 64 lowercase hex characters, as Vonage's {@code payload_hash}. */
    static String sha256Hex(byte[] body) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
