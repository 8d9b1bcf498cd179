package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** A plain HTTP client of the emulator's v2 and tester's endpoints, as a test in any language would call them. */
final class V2Client {
    static final String KEY = "key";
    static final String SECRET = "secret";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String authorization = BASIC;

    V2Client(URI base) {
        this.base = base;
    }

    /** Sends every later call with this {@code Authorization} header (null: none). */
    V2Client authorization(String header) {
        this.authorization = header;
        return this;
    }

    HttpResponse<String> start(String json) {
        return send("POST", "/v2/verify", json, "application/json");
    }

    /** A one-step SMS start to {@code to}; asserts the 202 and returns the request id. */
    String startSms(String to) {
        HttpResponse<String> answer = start("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"" + to
                + "\"}]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer).get("request_id").asText();
    }

    HttpResponse<String> check(String id, String code) {
        return send("POST", "/v2/verify/" + id, "{\"code\":\"" + code + "\"}", "application/json");
    }

    /** DELETE with {@code Content-Type: application/json} and an empty body, as real clients send it. */
    HttpResponse<String> cancel(String id) {
        return send("DELETE", "/v2/verify/" + id, "", "application/json");
    }

    HttpResponse<String> next(String id) {
        return send("POST", "/v2/verify/" + id + "/next_workflow", "", "application/json");
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("never a 5xx for a client's call: " + answer.body()).isLessThan(500);
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The outbox entries sent to {@code to}, oldest first. */
    JsonNode outbox(String to) {
        return json(send(HttpRequest.newBuilder(base.resolve("/_emulator/outbox?to=" + to)).GET()));
    }

    /** The code of the last message to {@code to}. */
    String lastCode(String to) {
        JsonNode entries = outbox(to);
        assertThat(entries.size()).as("messages to " + to).isPositive();
        return entries.get(entries.size() - 1).get("code").asText();
    }

    void advance(long seconds) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(
                base.resolve("/_emulator/clock?advanceSeconds=" + seconds)).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    void reset() {
        send(HttpRequest.newBuilder(base.resolve("/_emulator/reset")).POST(HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode json(HttpResponse<String> answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    /** An RSA key pair made for this run; no private key is ever committed. */
    static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An application token as the SDKs make it: RS256, {@code application_id}, {@code iat}, {@code jti}. */
    static String applicationToken(KeyPair keys, String applicationId, Instant expiresAt) {
        var token = JWT.create().withClaim("application_id", applicationId).withIssuedAt(Instant.now())
                .withJWTId(UUID.randomUUID().toString());
        if (expiresAt != null) {
            token.withExpiresAt(expiresAt);
        }
        return "Bearer " + token.sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(),
                (RSAPrivateKey) keys.getPrivate()));
    }
}
