package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The abuse controls as an attacker meets them over HTTP, on the fake gateway: guessing codes, bombing a number
 * from many addresses, and the 429 answers with {@code Retry-After} they get instead of SMS.
 */
class AbuseControlsOverHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VICTIM = "+447700900555";

    private RunningApp app;
    private ApiClient api;

    private void startApp(AbuseControlPolicy policy) {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(policy));
        api = new ApiClient(app.port());
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    private FakeVerificationGateway fake() {
        return app.injector().getInstance(FakeVerificationGateway.class);
    }

    private String startedId(String number) {
        ApiClient.Answer answer = api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static void assertThrottled(Reply reply, String limit) {
        assertThat(reply.status).as(reply.toString()).isEqualTo(429);
        assertThat(reply.json.get("type").asText()).isEqualTo("/problems/throttled");
        assertThat(reply.json.get("limit").asText()).isEqualTo(limit);
        assertThat(Long.parseLong(reply.retryAfter)).isPositive();
    }

    @Test
    void aClientTryingEveryCodeStopsAtTheAttemptLimitAndTheFlowFails() {
        startApp(AbuseControlPolicy.defaults());
        String id = startedId(VICTIM);
        String realCode = fake().lastCodeFor(PhoneNumber.parse(VICTIM)).orElseThrow();

        List<Integer> statuses = new ArrayList<>();
        for (int guess = 0; guess < 10_000; guess++) {
            String code = String.format("%04d", guess);
            if (code.equals(realCode)) {
                continue;
            }
            ApiClient.Answer answer = api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
            statuses.add(answer.status());
            if (answer.status() != 200) {
                break;
            }
        }

        assertThat(statuses).containsExactly(200, 200, 200, 409);
        assertThat(api.get("/api/verifications/" + id).text("state")).isEqualTo("FAILED");
        ApiClient.Answer tooLate = api.postJson("/api/verifications/" + id + "/check",
                "{\"code\":\"" + realCode + "\"}");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.text("state")).isEqualTo("FAILED");
        assertThrottled(Reply.of(api.postJson("/api/verifications", "{\"number\":\"" + VICTIM + "\"}")),
                "FAILED_CHECK_DELAY");
    }

    @Test
    void aBurstOfStartsForOneNumberFromManyAddressesHitsThePerNumberLimit() throws IOException {
        // Only the send limits, so the burst meets the per-number limit rather than the cooldown before it.
        startApp(AbuseControlPolicy.none().withSendLimits(AbuseControlPolicy.defaults().sendLimits()));
        List<Reply> replies = new ArrayList<>();
        for (int client = 1; client <= 20; client++) {
            replies.add(postFrom("127.0.0." + (client + 1), "/api/verifications", "{\"number\":\"" + VICTIM + "\"}"));
        }

        assertThat(replies.get(0).status).as(replies.get(0).toString()).isEqualTo(201);
        // The second and third are within the limit; the fake, like Vonage, refuses them while the first is in flight.
        assertThat(replies.get(1).status).as(replies.get(1).toString()).isEqualTo(409);
        assertThat(replies.get(2).status).as(replies.get(2).toString()).isEqualTo(409);
        for (Reply reply : replies.subList(3, replies.size())) {
            assertThrottled(reply, "PER_NUMBER");
        }
        assertThat(fake().outboxFor(PhoneNumber.parse(VICTIM))).hasSize(1);
    }

    @Test
    void theSameClientAddressIsLimitedAcrossNumbers() throws IOException {
        startApp(AbuseControlPolicy.defaults());
        List<Reply> replies = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            replies.add(postFrom("127.0.0.9", "/api/verifications", "{\"number\":\"+4477009007" + (10 + i) + "\"}"));
        }

        assertThat(replies.subList(0, 10)).allSatisfy(reply -> assertThat(reply.status).isEqualTo(201));
        assertThrottled(replies.get(10), "PER_CLIENT");
        assertThat(replies.get(10).cacheControl).isEqualTo("no-store");
    }

    @Test
    void callMeInsteadRightAfterTheStartWaitsForTheCooldown() {
        startApp(AbuseControlPolicy.defaults());
        String id = startedId(VICTIM);

        Reply next = Reply.of(api.send("POST", "/api/verifications/" + id + "/next"));

        assertThrottled(next, "RESEND_COOLDOWN");
        assertThat(next.retryAfter).isEqualTo("30");
    }

    @Test
    void healthShowsARaisedConversionAlarm() {
        startApp(AbuseControlPolicy.defaults().withSendLimits(AbuseControlPolicy.none().sendLimits()));
        for (int i = 0; i < 50; i++) {
            startedId("+2348021" + String.format("%06d", i));
        }

        JsonNode health = api.get("/health").json();

        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("conversionAlarms")).hasSize(1);
        assertThat(health.get("conversionAlarms").get(0).get("callingCode").asText()).isEqualTo("+234");
        assertThat(health.get("conversionAlarms").get(0).get("started").asInt()).isEqualTo(50);
        assertThat(health.get("conversionAlarms").get(0).get("verified").asInt()).isZero();
    }

    /**
     * Posts JSON from {@code localAddress}, one of the loopback addresses 127.0.0.0/8, so the app sees a different
     * client for each; the JDK's HTTP client cannot choose its source address.
     */
    private Reply postFrom(String localAddress, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", app.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return Reply.parse(readAll(socket.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The parts of an HTTP answer these tests look at. */
    private record Reply(int status, String retryAfter, String cacheControl, JsonNode json, String raw) {
        static Reply of(ApiClient.Answer answer) {
            return new Reply(answer.status(), answer.header("Retry-After"), answer.header("Cache-Control"),
                    answer.json(), answer.toString());
        }

        /** Parses a {@code Connection: close} answer; the app sends JSON with a Content-Length, never chunked. */
        static Reply parse(String raw) throws IOException {
            int split = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, split).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            String retryAfter = null;
            String cacheControl = null;
            for (String line : head) {
                String lower = line.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("retry-after:")) {
                    retryAfter = line.substring(line.indexOf(':') + 1).strip();
                } else if (lower.startsWith("cache-control:")) {
                    cacheControl = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            return new Reply(status, retryAfter, cacheControl, JSON.readTree(raw.substring(split + 4)), raw);
        }

        @Override
        public String toString() {
            return raw;
        }
    }
}
