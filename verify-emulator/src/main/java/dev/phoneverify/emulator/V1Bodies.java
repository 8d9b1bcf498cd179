package dev.phoneverify.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A v1 request body as parameters, whichever way the client sent it: form-encoded (the Java SDK, {@code nexmo} 2.x)
 * or JSON (the Node clients), values as strings or numbers. One official client labels form bodies
 * {@code application/json} after it has made a v2 call, so a "JSON" body that does not parse is read as a form.
 */
final class V1Bodies {
    private V1Bodies() {
    }

    /** Adds the body's parameters; a malformed form escape throws {@link IllegalArgumentException}. */
    static void read(HttpExchange exchange, byte[] body, Parameters params) {
        if (body.length == 0) {
            return;
        }
        if (Exchanges.isJson(exchange)) {
            Optional<JsonNode> json = JsonBodies.parse(body);
            if (json.isPresent()) {
                addJson(json.get(), params);
                return;
            }
            params.addEncoded(new String(body, StandardCharsets.UTF_8));
        } else if (Exchanges.isForm(exchange)) {
            params.addEncoded(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A JSON object's members as parameters: scalars by their text, arrays as repeated values, the rest skipped. */
    private static void addJson(JsonNode json, Parameters params) {
        if (!json.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            JsonNode value = member.getValue();
            if (value.isArray()) {
                value.forEach(element -> scalar(element).ifPresent(text -> params.add(member.getKey(), text)));
            } else {
                scalar(value).ifPresent(text -> params.add(member.getKey(), text));
            }
        }
    }

    private static Optional<String> scalar(JsonNode value) {
        if (value.isTextual()) {
            return Optional.of(value.textValue());
        }
        if (value.isNumber()) {
            // A number as written (48.00 stays 48.00): floats are read as BigDecimal.
            return Optional.of(value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText());
        }
        if (value.isBoolean()) {
            return Optional.of(Boolean.toString(value.booleanValue()));
        }
        return Optional.empty();
    }
}
