package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/**
 * The boundary: every request ends here with an answer, and nothing escapes as a 500 or a stack trace. Reads the
 * body once, within {@link VerifyEmulator#MAX_BODY_BYTES}, and hands it to the v1, v2 or tester's endpoints.
 */
final class Router implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());
    private static final String V2_PREFIX = "/v2/verify";
    private static final String TESTER_PREFIX = "/_emulator/";

    private final V1Endpoints v1;
    private final V2Endpoints v2;
    private final TesterEndpoints tester;

    Router(V1Endpoints v1, V2Endpoints v2, TesterEndpoints tester) {
        this.v1 = v1;
        this.v2 = v2;
        this.tester = tester;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean isV2 = path.equals(V2_PREFIX) || path.startsWith(V2_PREFIX + "/");
            byte[] body = Exchanges.readBody(exchange, VerifyEmulator.MAX_BODY_BYTES);
            if (body == null) {
                if (isV2) {
                    Exchanges.sendProblem(exchange, Problem.bodyTooLarge(VerifyEmulator.MAX_BODY_BYTES));
                } else {
                    Exchanges.send(exchange, 413,
                            Map.of("error", "request body over " + VerifyEmulator.MAX_BODY_BYTES + " bytes"));
                }
                return;
            }
            if (method.equals("HEAD")) {
                // No endpoint takes HEAD, and its answer may carry no body.
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            if (isV2) {
                v2.handle(exchange, method, path.substring(V2_PREFIX.length()), body);
            } else if (path.startsWith(TESTER_PREFIX)) {
                tester.handle(exchange, method, path.substring(TESTER_PREFIX.length()), body);
            } else {
                v1.handle(exchange, method, path, body);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away: {0}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Unreachable by design; logged by type and place only, since a message could carry user input.
            LOG.log(System.Logger.Level.WARNING, "unexpected failure in the emulator: " + e.getClass().getName()
                    + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            trySendInternalError(exchange);
        }
    }

    private static void trySendInternalError(HttpExchange exchange) {
        try {
            Exchanges.send(exchange, 200, Map.of("status", "5", "error_text", "Internal Error"));
        } catch (IOException | RuntimeException e) {
            // Headers may already be out; the connection closes with the exchange, nothing more to do.
            LOG.log(System.Logger.Level.DEBUG, "could not send the internal-error answer");
        }
    }
}
