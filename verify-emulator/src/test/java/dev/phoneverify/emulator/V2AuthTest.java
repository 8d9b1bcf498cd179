package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** v2's credentials (facts §2.9): Basic key:secret, or a Bearer RS256 application token; anything else is 401. */
class V2AuthTest {
    private static final String START = "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"447700900010\"}]}";
    private static final KeyPair APPLICATION = V2Client.rsaKeys();
    private static final KeyPair STRANGER = V2Client.rsaKeys();

    private VerifyEmulator emulator;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private V2Client client(boolean withApplicationKey) {
        EmulatorSettings settings = VerifyEmulator.builder(FakeVerificationGateway.create())
                .credentials(V2Client.KEY, V2Client.SECRET);
        if (withApplicationKey) {
            settings.applicationPublicKey((RSAPublicKey) APPLICATION.getPublic());
        }
        emulator = settings.start();
        return new V2Client(emulator.baseUri());
    }

    private static int status(V2Client client, String authorization) {
        HttpResponse<String> answer = client.authorization(authorization).start(START);
        if (answer.statusCode() == 401) {
            V2RulesOverHttpTest.assertProblem(answer, answer.body().contains("jwt-expired") ? "#jwt-expired"
                    : "#unauthorized");
        } else if (answer.statusCode() == 202) {
            client.authorization(V2Client.BASIC).cancel(V2Client.json(answer).get("request_id").asText());
        }
        return answer.statusCode();
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("Basic with the right key and secret passes; missing, wrong or malformed credentials are 401")
    void basicAuth() {
        V2Client client = client(false);
        assertThat(status(client, V2Client.BASIC)).isEqualTo(202);
        assertThat(status(client, null)).isEqualTo(401);
        assertThat(status(client, basic("key:wrong"))).isEqualTo(401);
        assertThat(status(client, basic("wrong:secret"))).isEqualTo(401);
        assertThat(status(client, basic("no-colon"))).isEqualTo(401);
        assertThat(status(client, "Basic !!!not-base64")).isEqualTo(401);
        assertThat(status(client, "Digest abc")).isEqualTo(401);
        assertThat(status(client, "")).isEqualTo(401);
    }

    @Test
    @DisplayName("without an application key: any well-formed unexpired RS256 token naming an application passes")
    void bearerWithoutKey() {
        V2Client client = client(false);
        assertThat(status(client, V2Client.applicationToken(STRANGER, "app-1", null))).isEqualTo(202);
        assertThat(status(client, V2Client.applicationToken(STRANGER, "app-1", Instant.now().plusSeconds(900))))
                .isEqualTo(202);
        assertThat(status(client, V2Client.applicationToken(STRANGER, "app-1", Instant.now().minusSeconds(3600))))
                .isEqualTo(401);
        assertThat(status(client, V2Client.applicationToken(STRANGER, " ", null))).as("blank application id")
                .isEqualTo(401);
        assertThat(status(client, "Bearer not.a.token")).isEqualTo(401);
        assertThat(status(client, "Bearer ")).isEqualTo(401);
        String hs256 = com.auth0.jwt.JWT.create().withClaim("application_id", "app-1")
                .sign(com.auth0.jwt.algorithms.Algorithm.HMAC256("secret"));
        assertThat(status(client, "Bearer " + hs256)).as("not RS256").isEqualTo(401);
        String noApplication = com.auth0.jwt.JWT.create().withIssuedAt(Instant.now()).sign(
                com.auth0.jwt.algorithms.Algorithm.RSA256(null,
                        (java.security.interfaces.RSAPrivateKey) STRANGER.getPrivate()));
        assertThat(status(client, "Bearer " + noApplication)).isEqualTo(401);
    }

    @Test
    @DisplayName("with an application key: only tokens signed by that application pass; Basic still works")
    void bearerWithKey() {
        V2Client client = client(true);
        assertThat(status(client, V2Client.applicationToken(APPLICATION, "app-1", null))).isEqualTo(202);
        assertThat(status(client, V2Client.applicationToken(STRANGER, "app-1", null))).isEqualTo(401);
        assertThat(status(client, V2Client.applicationToken(APPLICATION, "app-1", Instant.now().minusSeconds(3600))))
                .isEqualTo(401);
        assertThat(status(client, V2Client.BASIC)).isEqualTo(202);
    }

    @Test
    @DisplayName("the application key is read from PEM, as --application-public-key takes it")
    void pem() {
        RSAPublicKey key = (RSAPublicKey) APPLICATION.getPublic();
        assertThat(ApplicationKeys.parse(ApplicationKeys.pem(key))).isEqualTo(key);
        emulator = VerifyEmulator.builder(FakeVerificationGateway.create()).credentials("k", "s").start();
    }
}
