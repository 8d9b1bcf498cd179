package dev.phoneverify.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.app.AppConfig;
import dev.phoneverify.app.RunningApp;
import dev.phoneverify.app.VerifyApp;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for the sample app on the fake gateway: complete verifications through the JSON API (start, read
 * the code from {@code /api/dev/outbox}, check it) against the same server's {@code /health}, over loopback.
 *
 * <p>The app runs in this process, started by {@link VerifyApp#start} with abuse controls off (they would rightly
 * refuse a client that starts thousands of flows a second). Every phase is bounded by a request count and by a time,
 * whichever comes first, and the program stops by itself. {@code /health} is measured before and after the API, and
 * the ratio uses their mean, so drift on a shared machine shows instead of skewing one side.
 *
 * <p>Run: {@code java -cp verify-bench/target/benchmarks.jar dev.phoneverify.bench.AppLoad [maxRequests [seconds
 * [clients]]]}; defaults 30,000 requests, 20 seconds and 4 clients per phase.
 */
public final class AppLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_FILE_PROPERTY = "org.slf4j.simpleLogger.logFile";
    private static final int ROUNDS = 2;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Every verification gets a number of its own, so no outbox grows during the run. */
    private static final AtomicLong NUMBERS = new AtomicLong(447_800_000_000L);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    /** What went wrong first, so a failure count comes with a reason. */
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    private AppLoad(int port) {
        // Loopback only: the load never leaves the machine.
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** What one phase did. */
    private record Phase(String name, long requests, long verifications, long failures, double seconds) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        void print() {
            System.out.printf(Locale.ROOT, "app load: %-22s %,9d requests in %5.1f s = %,8.0f requests/s%s%s%n", name,
                    requests, seconds, requestsPerSecond(),
                    verifications > 0 ? String.format(Locale.ROOT, " (%,.0f verifications/s)", verifications / seconds)
                            : "",
                    failures > 0 ? String.format(Locale.ROOT, ", %,d FAILED", failures) : "");
        }
    }

    /** One client's loop body; returns how many requests it made. */
    private interface Step {
        int run() throws IOException, InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        long maxRequests = args.length > 0 ? Long.parseLong(args[0]) : 30_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        // The app writes an audit line per event. Into a file it still costs what it costs, without a terminal's
        // speed deciding the result; set before the app's first logger exists.
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"), "app-load.log")
                    .toString());
        }
        System.out.println("app load: the app's log goes to " + System.getProperty(LOG_FILE_PROPERTY));
        int status;
        try (RunningApp app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()))) {
            status = new AppLoad(app.port()).run(maxRequests, seconds, clients);
        }
        // The app is closed; exit so that no pooled client thread can keep the JVM alive.
        System.exit(status);
    }

    private int run(long maxRequests, int seconds, int clients) throws Exception {
        // Warm-up, not counted: lets the JIT compile both paths before either is measured.
        Duration warmUp = Duration.ofSeconds(Math.max(3, seconds / 2));
        for (int round = 0; round < 2; round++) {
            phase("warm-up /health", maxRequests / 2, warmUp, clients, this::health);
            phase("warm-up JSON API", maxRequests / 2, warmUp, clients, this::verification);
        }
        // Health, API, health, API, health: each API phase sits between two health phases, so drift of the
        // machine's load affects both sides alike.
        Duration limit = Duration.ofSeconds(seconds);
        List<Phase> health = new ArrayList<>();
        List<Phase> api = new ArrayList<>();
        health.add(phase("/health", maxRequests, limit, clients, this::health));
        for (int round = 0; round < ROUNDS; round++) {
            api.add(phase("JSON API verification", maxRequests, limit, clients, this::verification));
            health.add(phase("/health", maxRequests, limit, clients, this::health));
        }
        health.forEach(Phase::print);
        api.forEach(Phase::print);
        double healthRate = health.stream().mapToDouble(Phase::requestsPerSecond).average().orElseThrow();
        double apiRate = api.stream().mapToDouble(Phase::requestsPerSecond).average().orElseThrow();
        double ratio = apiRate / healthRate;
        System.out.printf(Locale.ROOT, "app load: mean JSON API %,.0f requests/s (%,.0f verifications/s), mean /health"
                        + " %,.0f requests/s: ratio %.2f (target >= 0.50: %s); %d clients on loopback%n", apiRate,
                apiRate / 3, healthRate, ratio, ratio >= 0.5 ? "met" : "missed", clients);
        if (firstFailure.get() != null) {
            System.out.println("app load: first failure: " + firstFailure.get());
        }
        return api.stream().mapToLong(Phase::failures).sum() == 0 ? 0 : 1;
    }

    private Phase phase(String name, long maxRequests, Duration limit, int clients, Step step) throws Exception {
        LongAdder requests = new LongAdder();
        LongAdder verifications = new LongAdder();
        LongAdder failures = new LongAdder();
        long deadline = System.nanoTime() + limit.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        long began = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                while (requests.sum() < maxRequests && System.nanoTime() < deadline) {
                    try {
                        int made = step.run();
                        requests.add(Math.abs(made));
                        if (made > 1) {
                            verifications.increment();
                        } else if (made < 0) {
                            failures.increment();
                            firstFailure.compareAndSet(null, "step " + Math.abs(made) + " answered unexpectedly");
                        }
                    } catch (IOException e) {
                        failures.increment();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double took = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        pool.awaitTermination(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return new Phase(name, requests.sum(), verifications.sum(), failures.sum(), took);
    }

    /** One {@code GET /health}; 1 request, or -1 if it did not answer 200. */
    private int health() throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(base.resolve("/health")).GET());
        return answer.statusCode() == 200 ? 1 : -1;
    }

    /** A complete verification: 3 requests, or -3 if any step did not answer as a user's would. */
    private int verification() throws IOException, InterruptedException {
        String number = Long.toString(NUMBERS.incrementAndGet());
        HttpResponse<String> started = send(postJson("/api/verifications", "{\"number\":\"+" + number + "\"}"));
        if (started.statusCode() != 201) {
            return -1;
        }
        String id = JSON.readTree(started.body()).path("id").asText();
        HttpResponse<String> outbox = send(HttpRequest.newBuilder(base.resolve("/api/dev/outbox?number=" + number))
                .GET());
        JsonNode messages = JSON.readTree(outbox.body());
        if (outbox.statusCode() != 200 || messages.size() == 0) {
            return -2;
        }
        String code = messages.get(messages.size() - 1).path("code").asText();
        HttpResponse<String> checked = send(postJson("/api/verifications/" + id + "/check",
                "{\"code\":\"" + code + "\"}"));
        boolean verified = checked.statusCode() == 200
                && "CORRECT".equals(JSON.readTree(checked.body()).path("outcome").asText());
        return verified ? 3 : -3;
    }

    private HttpRequest.Builder postJson(String path, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}
