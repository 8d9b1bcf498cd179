package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** {@code /health/ready} for a load balancer, and what SIGTERM's shutdown hook does with requests in flight. */
class ReadinessAndShutdownTest {
    private static final String BODY = "{\"number\":\"+447700600001\"}";

    @Test
    void onTheFakeTheAppIsReadyAndLivenessIsUnchanged() {
        try (RunningApp app = VerifyApp.start(AppConfig.fake(0))) {
            ApiClient api = new ApiClient(app.port());

            ApiClient.Answer ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().toString())
                    .isEqualTo("{\"status\":\"UP\",\"store\":{\"status\":\"UP\"},\"gateway\":{\"status\":\"UP\"}}");
            ApiClient.Answer live = api.get("/health");
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.text("status")).isEqualTo("UP");
            assertThat(live.text("gateway")).isEqualTo("fake");
        }
    }

    @Test
    void whenTheProviderCannotBeReachedTheAppIsNotReadyButStillAlive() {
        VerifyEmulator emulator = VerifyEmulator.start(FakeVerificationGateway.create(),
                new InetSocketAddress("127.0.0.1", 0), "readykey", "ready-secret");
        try (RunningApp app = VerifyApp.start(AppConfig.from(Map.of("VERIFY_GATEWAY", "vonage",
                "VONAGE_API_KEY", "readykey", "VONAGE_API_SECRET", "ready-secret",
                "VONAGE_BASE_URL", emulator.baseUri().toString(), "PORT", "0"), new Properties()))) {
            ApiClient api = new ApiClient(app.port());
            assertThat(api.get("/health/ready").status()).isEqualTo(200);

            emulator.close();

            ApiClient.Answer ready = api.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("gateway").get("status").asText()).isEqualTo("DOWN");
            assertThat(ready.json().get("store").get("status").asText()).isEqualTo("UP");
            assertThat(api.get("/health").status()).isEqualTo(200);
        } finally {
            emulator.close();
        }
    }

    @Test
    void onShutdownARequestInFlightFinishesWhileNewConnectionsAreRefused() throws Exception {
        RunningApp app = VerifyApp.start(AppConfig.fake(0));
        try (Socket inFlight = new Socket("127.0.0.1", app.port())) {
            OutputStream out = sendHeadersAndHalfTheBody(inFlight);
            WebServerProbe probe = new WebServerProbe(app);
            awaitCondition("the request reached the server", () -> probe.requestsInFlight() == 1);

            CompletableFuture<String> shutdown = CompletableFuture.supplyAsync(
                    () -> new GracefulShutdown(app, Duration.ofSeconds(30)).stop());
            awaitCondition("the server stopped accepting connections", () -> !accepts(app.port()));
            assertThat(shutdown).isNotDone();

            out.write(BODY.substring(BODY.length() / 2).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(inFlight.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 201");
            assertThat(shutdown.get(30, TimeUnit.SECONDS)).isEqualTo("phone-verify: stopped; every request in flight finished");
            assertThat(accepts(app.port())).isFalse();
        } finally {
            app.close();
        }
    }

    @Test
    void aRequestThatDoesNotFinishWithinTheGraceDoesNotHoldTheShutdown() throws Exception {
        RunningApp app = VerifyApp.start(AppConfig.fake(0));
        try (Socket stuck = new Socket("127.0.0.1", app.port())) {
            sendHeadersAndHalfTheBody(stuck);
            WebServerProbe probe = new WebServerProbe(app);
            awaitCondition("the request reached the server", () -> probe.requestsInFlight() == 1);

            CompletableFuture<Integer> shutdown = CompletableFuture.supplyAsync(() -> app.shutDown(Duration.ofSeconds(1)));

            // Generous: the grace is one second; the bound only says the shutdown does not wait for the client.
            assertThat(shutdown.get(20, TimeUnit.SECONDS)).as("requests unfinished at the end of the grace").isEqualTo(1);
            assertThatThrownBy(() -> new Socket("127.0.0.1", app.port()).close()).isInstanceOf(ConnectException.class);
        } finally {
            app.close();
        }
    }

    private static OutputStream sendHeadersAndHalfTheBody(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        String head = "POST /api/verifications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + BODY.length() + "\r\nConnection: close\r\n\r\n";
        out.write((head + BODY.substring(0, BODY.length() / 2)).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return out;
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** An explicit wait for a condition the test cannot be told about, checked every 10 ms, for at most 20 s. */
    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Reads how many requests the app's server is handling. */
    private static final class WebServerProbe {
        private final dev.phoneverify.app.web.WebServer server;

        WebServerProbe(RunningApp app) {
            this.server = app.injector().getInstance(dev.phoneverify.app.web.WebServer.class);
        }

        int requestsInFlight() {
            return server.requestsInFlight();
        }
    }
}
