package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/** The one api key and secret an emulator accepts, as parameters or HTTP Basic (facts §1.1, §2.9). */
final class Credentials {
    private final byte[] apiKey;
    private final byte[] apiSecret;

    Credentials(String apiKey, String apiSecret) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.apiSecret = apiSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** Compares both halves in constant time and always both, so timing tells nothing about either. */
    void check(HttpExchange exchange, Parameters params) {
        Optional<String> key = params.first("api_key");
        Optional<String> secret = params.first("api_secret");
        if (key.isEmpty() && secret.isEmpty()) {
            Optional<String[]> basic = basicCredentials(exchange);
            if (basic.isPresent()) {
                key = Optional.of(basic.get()[0]);
                secret = Optional.of(basic.get()[1]);
            }
        }
        if (key.isEmpty()) {
            throw ApiError.missing("api_key");
        }
        if (secret.isEmpty()) {
            throw ApiError.missing("api_secret");
        }
        if (!matches(key.get(), secret.get())) {
            throw new ApiError("4", "Bad Credentials");
        }
    }

    /** True when both halves match. */
    boolean matches(String key, String secret) {
        boolean keyMatches = MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8));
        boolean secretMatches = MessageDigest.isEqual(apiSecret, secret.getBytes(StandardCharsets.UTF_8));
        return keyMatches & secretMatches;
    }

    private static Optional<String[]> basicCredentials(HttpExchange exchange) {
        return basic(exchange.getRequestHeaders().getFirst("Authorization"));
    }

    /** Key and secret of an {@code Authorization: Basic} header; empty when it is absent or malformed. */
    static Optional<String[]> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty()
                    : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
