package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.Exchanges.send;

import com.sun.net.httpserver.HttpExchange;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.port.GatewayException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verify v1 over HTTP: finds the endpoint, reads the parameters (query, then a form or JSON body), checks the
 * credentials, and answers as Vonage does, with HTTP 200 and a status inside (facts §1.5, §3.7).
 */
final class V1Endpoints {
    private final Credentials credentials;
    private final VerifyApi api;
    private final Psd2Request psd2;

    V1Endpoints(FakeVerificationGateway fake, Credentials credentials, String accountId, Psd2Payments payments) {
        this.credentials = credentials;
        this.api = new VerifyApi(fake, accountId);
        this.psd2 = new Psd2Request(fake, payments);
    }

    void handle(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        Route route = Route.of(path);
        if (route == null) {
            send(exchange, 404, Map.of("error", "not found"));
            return;
        }
        if (!method.equals("GET") && !method.equals("POST")) {
            exchange.getResponseHeaders().set("Allow", "GET, POST");
            send(exchange, 405, Map.of("error", "method not allowed"));
            return;
        }
        Parameters params = new Parameters();
        try {
            params.addEncoded(exchange.getRequestURI().getRawQuery());
            V1Bodies.read(exchange, body, params);
        } catch (IllegalArgumentException e) {
            send(exchange, 200, new ApiError("3", "Invalid value: malformed parameter encoding").body());
            return;
        }
        try {
            credentials.check(exchange, params);
            send(exchange, 200, call(route, params));
        } catch (ApiError e) {
            send(exchange, 200, e.body());
        } catch (GatewayException e) {
            answerScriptedFault(exchange, e);
        }
    }

    private Map<String, Object> call(Route route, Parameters params) {
        return switch (route) {
            case REQUEST -> api.request(params);
            case PSD2 -> psd2.request(params);
            case CHECK -> api.check(params);
            case CONTROL -> api.control(params);
            case SEARCH -> api.search(params);
        };
    }

    private static void answerScriptedFault(HttpExchange exchange, GatewayException fault) throws IOException {
        FaultAnswer answer = switch (fault.reason()) {
            case THROTTLED -> call -> send(call, 200, throttledBody());
            // Closing without an answer is what a client sees when the provider never answers in time.
            case TIMEOUT -> HttpExchange::close;
            case UNAVAILABLE, BAD_RESPONSE, MISCONFIGURED ->
                    call -> send(call, 503, Map.of("status", "5", "error_text", "Service Unavailable"));
        };
        answer.sendTo(exchange);
    }

    /** How a scripted fault shows on the wire. */
    interface FaultAnswer {
        void sendTo(HttpExchange exchange) throws IOException;
    }

    private static Map<String, Object> throttledBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", "");
        body.put("status", "1");
        body.put("error_text", "Throttled");
        return body;
    }

    /** The v1 paths; each takes GET and POST (facts §1.1). */
    private enum Route {
        REQUEST("/verify/json"),
        PSD2("/verify/psd2/json"),
        CHECK("/verify/check/json"),
        CONTROL("/verify/control/json"),
        SEARCH("/verify/search/json");

        private static final List<Route> ALL = List.of(values());

        final String path;

        Route(String path) {
            this.path = path;
        }

        static Route of(String path) {
            for (Route route : ALL) {
                if (route.path.equals(path)) {
                    return route;
                }
            }
            return null;
        }
    }
}
