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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * TEST STUB, not an emulator: a loopback HTTP server that answers Verify v2's paths with canned answers in the
 * documented wire format (facts 2.2, 2.5 and 3.6.3) and records every request it was sent. It keeps no state: each
 * operation answers with what was set last for it. Used until the project's v2 emulator exists.
 */
final class StubVerify2Server implements AutoCloseable {
    /** A v2 operation, told apart by method and path. */
    enum Operation {
        START, CHECK, CANCEL, NEXT_WORKFLOW, OTHER;

        static Operation of(String method, String path) {
            String[] parts = path.split("/", -1); // "", "v2", "verify", id?, "next_workflow"?
            if (parts.length == 3 && method.equals("POST")) {
                return START;
            }
            if (parts.length == 4 && method.equals("POST")) {
                return CHECK;
            }
            if (parts.length == 4 && method.equals("DELETE")) {
                return CANCEL;
            }
            if (parts.length == 5 && method.equals("POST") && parts[4].equals("next_workflow")) {
                return NEXT_WORKFLOW;
            }
            return OTHER;
        }
    }

    /** A canned answer. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }

        static Answer problem(int status, String title, String extraMembers) {
            return new Answer(status, "application/problem+json", "{\"type\":\"https://developer.vonage.com/api-errors"
                    + "#stub\",\"title\":\"" + title + "\",\"detail\":\"stub detail\",\"instance\":\"bf0ca0bf927b\""
                    + extraMembers + "}", Map.of());
        }

        static Answer empty(int status) {
            return new Answer(status, null, "", Map.of());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new java.util.HashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, Map.copyOf(more));
        }
    }

    /** One request as received. */
    record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<Operation, Answer> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch holdAnswers;

    private StubVerify2Server() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    static StubVerify2Server start() {
        return new StubVerify2Server();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    StubVerify2Server answer(Operation operation, Answer answer) {
        answers.put(operation, answer);
        return this;
    }

    /** Every answer waits until the returned latch is counted down (or 30 s pass). */
    CountDownLatch holdAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        holdAnswers = latch;
        return latch;
    }

    List<Recorded> requests() {
        return requests;
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Recorded(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
            CountDownLatch latch = holdAnswers;
            if (latch != null) {
                try {
                    latch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer answer = answers.getOrDefault(Operation.of(method, path),
                    Answer.problem(404, "Not Found", ",\"note\":\"no canned answer for " + method + " " + path + "\""));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
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
