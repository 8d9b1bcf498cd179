package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

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

    static void drainAndSend(HttpExchange exchange, int limit, int status, Map<String, Object> body)
            throws IOException {
        readBody(exchange, limit);
        send(exchange, status, body);
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        sendJson(exchange, status, Json.write(body));
    }

    static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
