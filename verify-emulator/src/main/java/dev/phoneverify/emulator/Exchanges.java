package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading requests and writing JSON answers on the JDK's HTTP server, the same way for every endpoint. */
final class Exchanges {
    private Exchanges() {
    }

    /** The body, or null when it is over {@code limit}; reads at most one byte past the limit. */
    static byte[] readBody(HttpExchange exchange, int limit) throws IOException {
        InputStream in = exchange.getRequestBody();
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    static boolean isForm(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        return type == null || type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** True for {@code application/json} and its {@code +json} relatives, whatever the parameters. */
    static boolean isJson(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    /** A v2 error: {@code application/problem+json}, with {@code Retry-After} on a 429. */
    static void sendProblem(HttpExchange exchange, Problem problem) throws IOException {
        problem.retryAfter().ifPresent(wait -> exchange.getResponseHeaders().set("Retry-After",
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        send(exchange, problem.status(), problem.body(), "application/problem+json");
    }

    /** An answer without a body (v2 cancel's 204). */
    static void sendNoContent(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendJson(exchange, status, Json.write(body));
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        sendJson(exchange, status, json, "application/json");
    }

    private static void send(HttpExchange exchange, int status, Object body, String contentType) throws IOException {
        sendJson(exchange, status, Json.write(body), contentType);
    }

    /** Writes {@code json} typed exactly {@code contentType}, without a charset: one client reads no id otherwise. */
    private static void sendJson(HttpExchange exchange, int status, String json, String contentType)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
