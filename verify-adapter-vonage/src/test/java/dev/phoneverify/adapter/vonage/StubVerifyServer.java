package dev.phoneverify.adapter.vonage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server answering Verify v1 paths with canned bodies (facts 3.7), recording what it was sent.
 * Each path answers with the status and body set last; an optional latch holds every answer back.
 */
final class StubVerifyServer extends LoopbackStub {
    static final String VERIFY = "/verify/json";
    static final String CHECK = "/verify/check/json";
    static final String CONTROL = "/verify/control/json";
    static final String SEARCH = "/verify/search/json";

    private record Answer(int httpStatus, String body) {
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();

    private StubVerifyServer() {
    }

    static StubVerifyServer start() {
        return new StubVerifyServer();
    }

    StubVerifyServer answer(String path, String json) {
        return answer(path, 200, json);
    }

    StubVerifyServer answer(String path, int httpStatus, String body) {
        answers.put(path, new Answer(httpStatus, body));
        return this;
    }

    List<String> requestBodies() {
        return requestBodies;
    }

    String lastRequestBody() {
        return requestBodies.get(requestBodies.size() - 1);
    }

    @Override
    protected void handle(HttpExchange exchange, String requestBody) throws IOException {
        requestBodies.add(exchange.getRequestURI().getPath() + "?" + requestBody);
        Answer answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                new Answer(404, "{\"error\":\"no canned answer\"}"));
        write(exchange, answer.httpStatus(), "application/json", answer.body(), Map.of());
    }
}
