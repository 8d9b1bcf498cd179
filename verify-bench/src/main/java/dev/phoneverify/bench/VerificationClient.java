package dev.phoneverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One complete verification through the app's JSON API, as a user's browser and the tester's outbox read make it:
 * {@code POST /api/verifications}, {@code GET /api/dev/outbox?number=}, {@code POST /api/verifications/{id}/check}.
 * Every verification has a number and a client address of its own (sent in {@code X-Forwarded-For}, the app
 * trusting loopback as its proxy), so the default abuse controls count every one and refuse none.
 */
final class VerificationClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final long firstNumber;

    /** @param firstNumber the first of the numbers used, digits with the calling code, for runs not to overlap */
    VerificationClient(int port, long firstNumber) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.firstNumber = firstNumber;
    }

    /** Runs one verification; true when the code was accepted. */
    boolean verify() throws IOException, InterruptedException {
        long n = SEQUENCE.incrementAndGet();
        String number = Long.toString(firstNumber + n);
        // 10.0.0.0/8 gives 16 million client addresses, each starting one verification.
        String client = "10." + ((n >> 16) & 0xff) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
        HttpResponse<String> started = send(post("/api/verifications", "{\"number\":\"+" + number + "\"}", client));
        if (started.statusCode() != 201) {
            throw new IOException("start answered " + started.statusCode() + ": " + started.body());
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        HttpResponse<String> outbox = send(HttpRequest.newBuilder(base.resolve("/api/dev/outbox?number=" + number))
                .GET());
        JsonNode messages = JSON.readTree(outbox.body());
        if (outbox.statusCode() != 200 || messages.size() == 0) {
            throw new IOException("outbox answered " + outbox.statusCode());
        }
        String code = messages.get(messages.size() - 1).path("code").asText();
        HttpResponse<String> checked = send(post("/api/verifications/" + id + "/check",
                "{\"code\":\"" + code + "\"}", client));
        return checked.statusCode() == 200
                && "CORRECT".equals(JSON.readTree(checked.body()).path("outcome").asText());
    }

    private HttpRequest.Builder post(String path, String json, String client) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
