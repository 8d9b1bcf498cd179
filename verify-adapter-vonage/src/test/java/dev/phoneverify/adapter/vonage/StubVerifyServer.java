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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP server answering Verify v1 paths with canned bodies (facts 3.7), recording what it was sent.
 * Each path answers with the status and body set last; an optional latch holds every answer back.
 */
final class StubVerifyServer implements AutoCloseable {
    static final String VERIFY = "/verify/json";
    static final String CHECK = "/verify/check/json";
    static final String CONTROL = "/verify/control/json";
    static final String SEARCH = "/verify/search/json";

    private record Answer(int httpStatus, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdAnswers;

    private StubVerifyServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    static StubVerifyServer start() {
        return new StubVerifyServer();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    StubVerifyServer answer(String path, String json) {
        return answer(path, 200, json);
    }

    StubVerifyServer answer(String path, int httpStatus, String body) {
        answers.put(path, new Answer(httpStatus, body));
        return this;
    }

    /** Every answer waits until the returned latch is counted down (or 30 s pass). */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        holdAnswers = latch;
        return latch;
    }

    List<String> requestBodies() {
        return requestBodies;
    }

    String lastRequestBody() {
        return requestBodies.get(requestBodies.size() - 1);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requestBodies.add(exchange.getRequestURI().getPath() + "?" + requestBody);
            CountDownLatch latch = holdAnswers;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    new Answer(404, "{\"error\":\"no canned answer\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.httpStatus(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
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
