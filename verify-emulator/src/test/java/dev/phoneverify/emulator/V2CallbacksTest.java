package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.JsonNode;
import com.vonage.client.verify2.VerificationCallback;
import com.vonage.client.verify2.VerificationStatus;
import com.vonage.jwt.Jwt;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** v2 callbacks (facts §2.7-2.9): what is sent when, how it is signed, and that failed deliveries are retried. */
class V2CallbacksTest {
    private static final String SIGNATURE_SECRET = "a-signature-secret-of-32-bytes!!";
    private static final String TO = "447700900020";
    private static final String START = "{\"brand\":\"Acme\",\"channel_timeout\":30,\"client_ref\":\"ref42\","
            + "\"workflow\":[{\"channel\":\"sms\",\"to\":\"" + TO + "\"},{\"channel\":\"voice\",\"to\":\"" + TO
            + "\"}]}";

    private CallbackReceiver receiver;
    private VerifyEmulator emulator;
    private V2Client client;

    @BeforeEach
    void start() {
        receiver = new CallbackReceiver();
        emulator = VerifyEmulator.builder(FakeVerificationGateway.create()).credentials(V2Client.KEY, V2Client.SECRET)
                .callbacks(receiver.url(), SIGNATURE_SECRET).start();
        client = new V2Client(emulator.baseUri());
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.close();
    }

    private static JsonNode json(CallbackReceiver.Received received) throws IOException {
        return V2Client.JSON.readTree(received.body());
    }

    @Test
    @DisplayName("a verified request: event completed, then summary completed, client_ref echoed, never the code")
    void completed() throws Exception {
        String id = V2Client.json(client.start(START)).get("request_id").asText();
        String code = client.lastCode(TO);
        assertThat(client.check(id, code).statusCode()).isEqualTo(200);
        Instant checked = Instant.now();
        CallbackReceiver.Received event = receiver.next(1);
        CallbackReceiver.Received summary = receiver.next(1);
        assertThat(Duration.between(checked, summary.at())).isLessThan(Duration.ofSeconds(1));
        JsonNode eventJson = json(event);
        assertThat(eventJson.get("type").asText()).isEqualTo("event");
        assertThat(eventJson.get("request_id").asText()).isEqualTo(id);
        assertThat(eventJson.get("channel").asText()).isEqualTo("sms");
        assertThat(eventJson.get("status").asText()).isEqualTo("completed");
        assertThat(eventJson.get("client_ref").asText()).isEqualTo("ref42");
        assertThat(eventJson.get("triggered_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(eventJson.get("finalized_at").asText()).endsWith("Z");
        JsonNode summaryJson = json(summary);
        assertThat(summaryJson.get("type").asText()).isEqualTo("summary");
        assertThat(summaryJson.get("status").asText()).isEqualTo("completed");
        assertThat(summaryJson.get("channel_timeout").asInt()).isEqualTo(30);
        assertThat(summaryJson.get("client_ref").asText()).isEqualTo("ref42");
        assertThat(summaryJson.get("submitted_at").asText()).endsWith("Z");
        assertThat(summaryJson.get("workflow").get(0).get("status").asText()).isEqualTo("completed");
        assertThat(summaryJson.get("workflow").get(1).get("status").asText()).isEqualTo("unused");
        assertThat(event.text()).doesNotContain(code);
        assertThat(summary.text()).doesNotContain(code);

        VerificationCallback parsedEvent = VerificationCallback.fromJson(event.text());
        assertThat(parsedEvent.getStatus()).isEqualTo(VerificationStatus.COMPLETED);
        assertThat(parsedEvent.getClientRef()).isEqualTo("ref42");
        VerificationCallback parsedSummary = VerificationCallback.fromJson(summary.text());
        assertThat(parsedSummary.getWorkflows()).hasSize(2);
        assertThat(parsedSummary.getChannelTimeout()).isEqualTo(30);
    }

    @Test
    @DisplayName("expiry by the clock: events expired for each step and a summary expired, queued before the clock answers")
    void expired() throws Exception {
        client.start(START);
        client.advance(30);
        Instant advanced = Instant.now();
        JsonNode first = json(receiver.next(1));
        assertThat(first.get("status").asText()).isEqualTo("expired");
        assertThat(first.get("channel").asText()).isEqualTo("sms");
        client.advance(30);
        JsonNode second = json(receiver.next(1));
        assertThat(second.get("channel").asText()).isEqualTo("voice");
        CallbackReceiver.Received summary = receiver.next(1);
        assertThat(Duration.between(advanced, summary.at())).isLessThan(Duration.ofSeconds(2));
        JsonNode summaryJson = json(summary);
        assertThat(summaryJson.get("status").asText()).isEqualTo("expired");
        assertThat(summaryJson.get("workflow").get(0).get("status").asText()).isEqualTo("expired");
        assertThat(summaryJson.get("workflow").get(1).get("status").asText()).isEqualTo("expired");
        assertThat(VerificationCallback.fromJson(summary.text()).getStatus()).isEqualTo(VerificationStatus.EXPIRED);
    }

    @Test
    @DisplayName("three wrong codes: event failed and summary failed; a step left by next_workflow shows expired")
    void failed() throws Exception {
        String id = V2Client.json(client.start(START)).get("request_id").asText();
        client.next(id);
        String wrong = client.lastCode(TO).equals("0000") ? "1111" : "0000";
        client.check(id, wrong);
        client.check(id, wrong);
        assertThat(client.check(id, wrong).statusCode()).isEqualTo(410);
        JsonNode event = json(receiver.next(1));
        assertThat(event.get("status").asText()).isEqualTo("failed");
        assertThat(event.get("channel").asText()).isEqualTo("voice");
        JsonNode summary = json(receiver.next(1));
        assertThat(summary.get("status").asText()).isEqualTo("failed");
        assertThat(summary.get("workflow").get(0).get("status").asText()).isEqualTo("expired");
        assertThat(summary.get("workflow").get(1).get("status").asText()).isEqualTo("failed");
    }

    @Test
    @DisplayName("signed as Vonage signs: HS256, iat on the wall clock, new jti per body, iss, api_key, payload_hash")
    void signature() throws Exception {
        String id = V2Client.json(client.start(START)).get("request_id").asText();
        client.check(id, client.lastCode(TO));
        Set<String> ids = new HashSet<>();
        for (CallbackReceiver.Received received : new CallbackReceiver.Received[] {receiver.next(1), receiver.next(1)}) {
            assertThat(received.authorization()).startsWith("Bearer ");
            String token = received.authorization().substring(7);
            assertThat(Jwt.verifySignature(token, SIGNATURE_SECRET)).as("the SDK's own check").isTrue();
            assertThat(Jwt.verifySignature(token, "another secret")).isFalse();
            assertThat(new CallbackSignature(SIGNATURE_SECRET, V2Client.KEY).verify(token, received.body())).isTrue();
            DecodedJWT jwt = JWT.decode(token);
            assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
            assertThat(jwt.getIssuer()).isEqualTo("Vonage");
            assertThat(jwt.getClaim("api_key").asString()).isEqualTo(V2Client.KEY);
            assertThat(jwt.getClaim("payload_hash").asString())
                    .isEqualTo(CallbackSignature.payloadHash(received.body())).hasSize(64);
            assertThat(Duration.between(jwt.getIssuedAtAsInstant(), Instant.now()).abs())
                    .as("iat is wall-clock time, not the test clock").isLessThan(Duration.ofSeconds(5));
            assertThat(ids.add(jwt.getId())).as("jti is new for every body").isTrue();
            byte[] tampered = (received.text() + " ").getBytes(StandardCharsets.UTF_8);
            assertThat(new CallbackSignature(SIGNATURE_SECRET, V2Client.KEY).verify(token, tampered)).isFalse();
        }
    }

    @Test
    @DisplayName("Bearer-authenticated requests carry their application_id in the callback's token")
    void applicationId() throws Exception {
        String token = V2Client.applicationToken(V2Client.rsaKeys(), "app-7", null);
        String id = V2Client.json(client.authorization(token).start(START)).get("request_id").asText();
        client.authorization(V2Client.BASIC).check(id, client.lastCode(TO));
        String callbackToken = receiver.next(1).authorization().substring(7);
        assertThat(JWT.decode(callbackToken).getClaim("application_id").asString()).isEqualTo("app-7");
    }

    @Test
    @DisplayName("a receiver that fails twice still gets the callback within 15 s, a fresh token per attempt, in order")
    void retried() throws Exception {
        receiver.answerNext(500, 503);
        String id = V2Client.json(client.start(START)).get("request_id").asText();
        Instant checked = Instant.now();
        client.check(id, client.lastCode(TO));
        CallbackReceiver.Received first = receiver.next(15);
        CallbackReceiver.Received second = receiver.next(15);
        assertThat(Duration.between(checked, first.at())).isLessThan(Duration.ofSeconds(15));
        assertThat(Duration.between(checked, second.at())).isLessThan(Duration.ofSeconds(15));
        assertThat(emulator.callbackAttempts()).extracting(CallbackAttempt::status).contains(500, 503);
        assertThat(emulator.callbackAttempts()).filteredOn(attempt -> !attempt.delivered())
                .extracting(CallbackAttempt::attempt).as("the event's first two attempts").containsExactly(1, 2);
        assertThat(V2Client.JSON.readTree(first.body()).get("type").asText()).isEqualTo("event");
        assertThat(V2Client.JSON.readTree(second.body()).get("type").asText()).as("in order, after the event")
                .isEqualTo("summary");
        Set<String> tokens = new HashSet<>(receiver.everyAuthorization());
        assertThat(tokens).as("each attempt signs afresh").hasSize(4);
    }

    @Test
    @DisplayName("a receiver that never answers does not slow the API: callbacks never block an answer")
    void silentReceiver() throws Exception {
        try (java.net.ServerSocket blackHole = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress());
             VerifyEmulator silent = VerifyEmulator.builder(FakeVerificationGateway.create())
                     .credentials(V2Client.KEY, V2Client.SECRET)
                     .callbacks(java.net.URI.create("http://127.0.0.1:" + blackHole.getLocalPort() + "/cb"),
                             SIGNATURE_SECRET).start()) {
            V2Client calls = new V2Client(silent.baseUri());
            for (int i = 0; i < 5; i++) {
                String to = "44770090007" + i;
                Instant before = Instant.now();
                String id = calls.startSms(to);
                assertThat(calls.check(id, calls.lastCode(to)).statusCode()).isEqualTo(200);
                calls.advance(1);
                assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    @DisplayName("a cancelled request sends no callback; reset forgets the attempts seen")
    void cancelAndReset() throws Exception {
        String id = V2Client.json(client.start(START)).get("request_id").asText();
        assertThat(client.cancel(id).statusCode()).isEqualTo(204);
        String next = V2Client.json(client.start(START)).get("request_id").asText();
        client.check(next, client.lastCode(TO));
        assertThat(json(receiver.next(1)).get("request_id").asText()).as("the first callback is the second request's")
                .isEqualTo(next);
        receiver.next(1);
        client.reset();
        assertThat(emulator.callbackAttempts()).isEmpty();
    }
}
