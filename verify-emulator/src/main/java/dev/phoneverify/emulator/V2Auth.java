package dev.phoneverify.emulator;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.Claim;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.JWTVerifier;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Optional;

/**
 * Verify v2's two credentials (facts §2.9): {@code Authorization: Basic key:secret}, or {@code Bearer} an RS256
 * application JWT with an {@code application_id} claim. Without the application's public key any well-formed,
 * unexpired RS256 token naming an application passes; with it, the signature must verify too.
 */
final class V2Auth {
    /** Clock skew allowed on {@code iat}, {@code nbf} and {@code exp}: clients' clocks are not ours. */
    private static final long LEEWAY_SECONDS = 30;

    private final Credentials credentials;
    private final Optional<JWTVerifier> verifier;

    /** Who called: an application (Bearer) or the account (Basic). */
    record Caller(Optional<String> applicationId) {
    }

    V2Auth(Credentials credentials, Optional<RSAPublicKey> applicationKey) {
        this.credentials = credentials;
        this.verifier = applicationKey.map(key -> JWT.require(Algorithm.RSA256(key, null))
                .acceptLeeway(LEEWAY_SECONDS).build());
    }

    Caller authenticate(String header) throws ProblemAnswer {
        if (header == null) {
            throw new ProblemAnswer(Problem.unauthorized());
        }
        Optional<String[]> basic = Credentials.basic(header);
        if (basic.isPresent()) {
            if (credentials.matches(basic.get()[0], basic.get()[1])) {
                return new Caller(Optional.empty());
            }
            throw new ProblemAnswer(Problem.unauthorized());
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(header.substring(7).strip());
        }
        throw new ProblemAnswer(Problem.unauthorized());
    }

    private Caller bearer(String token) throws ProblemAnswer {
        DecodedJWT jwt;
        try {
            jwt = verifier.isPresent() ? verifier.get().verify(token) : unverified(token);
        } catch (TokenExpiredException e) {
            throw new ProblemAnswer(Problem.jwtExpired());
        } catch (JWTVerificationException e) {
            throw new ProblemAnswer(Problem.unauthorized());
        }
        if (!"RS256".equals(jwt.getAlgorithm())) {
            throw new ProblemAnswer(Problem.unauthorized());
        }
        Claim application = jwt.getClaim("application_id");
        String applicationId = application.isMissing() || application.isNull() ? null : application.asString();
        if (applicationId == null || applicationId.isBlank()) {
            throw new ProblemAnswer(Problem.unauthorized());
        }
        return new Caller(Optional.of(applicationId));
    }

    /** Decodes without a key, checking only the shape and that {@code exp}, if present, has not passed. */
    private static DecodedJWT unverified(String token) {
        DecodedJWT jwt = JWT.decode(token);
        Instant expiresAt = jwt.getExpiresAtAsInstant();
        if (expiresAt != null && expiresAt.plusSeconds(LEEWAY_SECONDS).isBefore(Instant.now())) {
            throw new TokenExpiredException("The Token has expired", expiresAt);
        }
        return jwt;
    }
}
