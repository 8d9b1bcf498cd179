package dev.phoneverify.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Boot application on {@code vonage-v2} receives Vonage's signed callbacks at the configured path over real
 * HTTP: a forgery is a 401 problem, a genuine callback for a request it does not know is a 200 (so Vonage stops
 * retrying it). What a callback does to a flow is the intake's own, tested with the Guice app against the emulator.
 */
class WebhookOverHttpTest {
    private static final String SECRET = "signature-secret-of-the-test-account";
    private static final String API_KEY = "key123";
    private static final String PATH = "/hooks/verify";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext app;
    private static String base;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }

    @BeforeAll
    static void startApplication() {
        app = new SpringApplicationBuilder(Application.class)
                .properties("server.port=0", "server.address=127.0.0.1", "phoneverify.web.enabled=true",
                        "spring.main.banner-mode=off", "phoneverify.gateway=vonage-v2",
                        "phoneverify.vonage.api-key=" + API_KEY, "phoneverify.vonage.api-secret=secret123",
                        // Never called here: the port is closed, and only callbacks are sent.
                        "phoneverify.vonage.base-url=http://127.0.0.1:9",
                        "phoneverify.vonage.signature-secret=" + SECRET, "phoneverify.web.webhook-path=" + PATH,
                        "spring.autoconfigure.exclude="
                                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
                .run();
        base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopApplication() {
        app.close();
    }

    @Test
    void aCallbackWithoutASignatureIsA401Problem() throws Exception {
        HttpResponse<String> answer = post(summary(), null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("type").asText()).endsWith("webhook-unsigned");
    }

    @Test
    void aCallbackSignedWithAnotherSecretIsA401Problem() throws Exception {
        String body = summary();
        HttpResponse<String> answer = post(body, token(body, "the-api-secret-instead"));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("type").asText()).endsWith("webhook-bad-signature");
    }

    @Test
    void aChangedBodyIsA401Problem() throws Exception {
        String body = summary();
        HttpResponse<String> answer = post(body.replace("completed", "failed"), token(body, SECRET));

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("type").asText()).endsWith("webhook-body-changed");
    }

    @Test
    void aGenuineCallbackForAnUnknownRequestIsAccepted() throws Exception {
        String body = summary();

        assertThat(post(body, token(body, SECRET)).statusCode()).isEqualTo(200);
    }

    @Test
    void theSameTokenTwiceIsAReplay() throws Exception {
        String body = summary();
        String token = token(body, SECRET);
        assertThat(post(body, token).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post(body, token);

        assertThat(again.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(again.body()).get("type").asText()).endsWith("webhook-token-replayed");
    }

    private static String summary() {
        return "{\"request_id\":\"" + UUID.randomUUID() + "\",\"type\":\"summary\",\"status\":\"completed\","
                + "\"submitted_at\":\"2026-12-04T10:00:00.000Z\",\"finalized_at\":\"2026-12-04T10:00:20.000Z\"}";
    }

    private static String token(String body, String secret) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
        return JWT.create().withIssuer("Vonage").withIssuedAt(Instant.now()).withJWTId(UUID.randomUUID().toString())
                .withClaim("api_key", API_KEY).withClaim("payload_hash", hash).sign(Algorithm.HMAC256(secret));
    }

    private static HttpResponse<String> post(String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
