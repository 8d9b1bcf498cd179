package dev.phoneverify.adapter.vonage;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST STUB, not an emulator: a loopback HTTP server that answers Verify v2's paths with canned answers in the
 * documented wire format (facts 2.2, 2.5 and 3.6.3) and records every request it was sent. It keeps no state: each
 * operation answers with what was set last for it. Used until the project's v2 emulator exists.
 */
final class StubVerify2Server extends LoopbackStub {
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
            Map<String, String> more = new HashMap<>(headers);
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

    private final Map<Operation, Answer> answers = new ConcurrentHashMap<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private StubVerify2Server() {
    }

    static StubVerify2Server start() {
        return new StubVerify2Server();
    }

    StubVerify2Server answer(Operation operation, Answer answer) {
        answers.put(operation, answer);
        return this;
    }

    List<Recorded> requests() {
        return requests;
    }

    Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    @Override
    protected void handle(HttpExchange exchange, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(new Recorded(method, path, Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.getOrDefault(Operation.of(method, path),
                Answer.problem(404, "Not Found", ",\"note\":\"no canned answer for " + method + " " + path + "\""));
        write(exchange, answer.status(), answer.contentType(), answer.body(), answer.headers());
    }
}
