package dev.phoneverify.adapter.vonage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the test stubs share: a loopback HTTP server on a free port, a switch that holds every answer back (for
 * timeout tests), and writing one canned answer. Subclasses decide what to answer.
 */
abstract class LoopbackStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile CountDownLatch holdAnswers;

    LoopbackStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    /** Records the request and writes the answer. */
    protected abstract void handle(HttpExchange exchange, String requestBody) throws IOException;

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every answer waits until the returned latch is counted down (or 30 s pass). */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        holdAnswers = latch;
        return latch;
    }

    /** Writes one answer; an empty body is sent without one. */
    protected static void write(HttpExchange exchange, int status, String contentType, String body,
            Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void exchange(HttpExchange exchange) {
        try (exchange) {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            CountDownLatch latch = holdAnswers;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            handle(exchange, requestBody);
        } catch (IOException clientWentAway) {
            // The adapter gave up (timeout test); nothing to answer.
        }
    }

    @Override
    public void close() {
        CountDownLatch latch = holdAnswers;
        if (latch != null) {
            latch.countDown();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
