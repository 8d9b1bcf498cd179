package dev.phoneverify.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small load program, run by hand: complete verifications per second over HTTP on loopback against an emulator in
 * this JVM, on 1 and on 8 client threads, for v2 (start, read the outbox, check) and for v1 (the same with v1's
 * endpoints). Bounded by time and count; it stops by itself.
 *
 * <pre>
 * java -cp verify-emulator/target/verify-emulator.jar:verify-emulator/target/test-classes \
 *   dev.phoneverify.emulator.EmulatorLoad [seconds-per-run]
 * </pre>
 */
public final class EmulatorLoad {
    private static final int MAX_VERIFICATIONS_PER_RUN = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One sequence over every run, so no two verifications share a number. */
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("key:secret".getBytes(
            StandardCharsets.UTF_8));

    private EmulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (VerifyEmulator emulator = VerifyEmulator.builder(FakeVerificationGateway.create())
                .credentials("key", "secret").start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(8)).build();
            URI base = emulator.baseUri();
            // The JIT compiles the hot paths of both APIs first, so the first measured run is not the slow one.
            run("warm-up v2", 5, 4, sequence -> verifyV2(http, base, sequence));
            run("warm-up v1", 5, 4, sequence -> verifyV1(http, base, sequence));
            for (int threads : new int[] {1, 8}) {
                run("v2, " + threads + " thread(s)", seconds, threads, sequence -> verifyV2(http, base, sequence));
                run("v1, " + threads + " thread(s)", seconds, threads, sequence -> verifyV1(http, base, sequence));
            }
        }
        System.exit(0);
    }

    private interface Verification {
        void run(long sequence) throws Exception;
    }

    private static void run(String name, int seconds, int threads, Verification verification) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < deadline && done.get() < MAX_VERIFICATIONS_PER_RUN) {
                    verification.run(SEQUENCE.incrementAndGet());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-22s %8d verifications in %5.1f s = %7.0f per second%n", name, done.get(), elapsed,
                done.get() / elapsed);
    }

    private static String number(long sequence) {
        return Long.toString(447700000000L + sequence % 99_999_999L);
    }

    private static void verifyV2(HttpClient http, URI base, long sequence) throws Exception {
        String to = number(sequence);
        JsonNode started = call(http, HttpRequest.newBuilder(base.resolve("/v2/verify")).header("Authorization", BASIC)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"" + to + "\"}]}")), 202);
        String code = lastCode(http, base, to);
        call(http, HttpRequest.newBuilder(base.resolve("/v2/verify/" + started.get("request_id").asText()))
                .header("Authorization", BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")), 200);
    }

    private static void verifyV1(HttpClient http, URI base, long sequence) throws Exception {
        String number = number(sequence);
        JsonNode started = call(http, form(base, "/verify/json", "number=" + number + "&brand=Acme"), 200);
        String code = lastCode(http, base, number);
        JsonNode checked = call(http, form(base, "/verify/check/json", "request_id="
                + started.get("request_id").asText() + "&code=" + code), 200);
        if (!checked.get("status").asText().equals("0")) {
            throw new IllegalStateException("v1 check failed: " + checked);
        }
    }

    private static HttpRequest.Builder form(URI base, String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body + "&api_key=key&api_secret=secret"));
    }

    private static String lastCode(HttpClient http, URI base, String to) throws Exception {
        JsonNode outbox = call(http, HttpRequest.newBuilder(base.resolve("/_emulator/outbox?to=" + to)).GET(), 200);
        return outbox.get(outbox.size() - 1).get("code").asText();
    }

    private static JsonNode call(HttpClient http, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> answer = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IllegalStateException("expected " + expected + ", got " + answer.statusCode() + ": "
                    + answer.body());
        }
        return JSON.readTree(answer.body());
    }
}
