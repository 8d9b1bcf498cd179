package dev.phoneverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator as a tester's suite sees it: complete Verify v1 verifications over HTTP on loopback with a plain
 * HTTP client ({@code POST /verify/json}, the code from {@code GET /_emulator/outbox?number=}, then
 * {@code POST /verify/check/json}), on 1 and on 8 client threads.
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.EmulatorLoad [seconds]}
 * (default 10 per thread count, after a warm-up as long).
 */
public final class EmulatorLoad {
    private static final String KEY = "benchkey";
    private static final String SECRET = "bench-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NUMBERS = new AtomicLong(447_700_500_000L);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    private EmulatorLoad(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime())
                .retention(Duration.ZERO).build();
        try (VerifyEmulator emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY,
                SECRET)) {
            EmulatorLoad load = new EmulatorLoad(emulator.baseUri());
            for (int threads : new int[] {1, 8}) {
                load.measure(threads, seconds);
                double perSecond = load.measure(threads, seconds);
                System.out.printf(Locale.ROOT, "emulator over HTTP, %d client thread%s: %,.0f verifications/s%n",
                        threads, threads == 1 ? "" : "s", perSecond);
            }
        }
        System.exit(0);
    }

    private double measure(int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long began = System.nanoTime();
        long deadline = began + seconds * 1_000_000_000L;
        List<Future<Long>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                long done = 0;
                while (System.nanoTime() < deadline) {
                    verify();
                    done++;
                }
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> thread : running) {
            total += thread.get();
        }
        pool.shutdown();
        return total / ((System.nanoTime() - began) / 1e9);
    }

    private void verify() throws IOException, InterruptedException {
        String number = Long.toString(NUMBERS.incrementAndGet());
        JsonNode started = JSON.readTree(post("/verify/json", "api_key=" + KEY + "&api_secret=" + SECRET
                + "&number=" + number + "&brand=Bench"));
        String requestId = started.path("request_id").asText();
        if (!"0".equals(started.path("status").asText())) {
            throw new IOException("start answered " + started);
        }
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(
                base.resolve("/_emulator/outbox?number=" + number)).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode messages = JSON.readTree(outbox.body());
        String code = messages.get(messages.size() - 1).path("code").asText();
        JsonNode checked = JSON.readTree(post("/verify/check/json", "api_key=" + KEY + "&api_secret=" + SECRET
                + "&request_id=" + requestId + "&code=" + code));
        if (!"0".equals(checked.path("status").asText())) {
            throw new IOException("check answered " + checked);
        }
    }

    private String post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
