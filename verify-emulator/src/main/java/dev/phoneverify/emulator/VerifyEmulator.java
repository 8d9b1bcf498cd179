package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.Exchanges.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.phoneverify.adapter.fake.FakeProfile;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.port.GatewayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server that speaks Vonage Verify v1's wire format (facts §1.1-1.3, §3.7) over a
 * {@link FakeVerificationGateway}, so the real SDK and non-Java clients can be tested without Vonage. JDK only.
 *
 * <p>Endpoints: {@code /verify/json}, {@code /verify/check/json}, {@code /verify/control/json} and
 * {@code /verify/search/json}, by GET or POST, with query or form parameters and credentials as
 * {@code api_key}/{@code api_secret} or HTTP Basic. Tester's endpoints, without credentials:
 * {@code GET /_emulator/outbox?number=N}, {@code POST /_emulator/clock?advanceSeconds=S},
 * {@code POST /_emulator/reset}.
 *
 * <p>Scripted faults of the fake show on the wire the way outages do: UNAVAILABLE is an HTTP 503, TIMEOUT closes the
 * connection without an answer, THROTTLED is Vonage status 1.
 */
public final class VerifyEmulator implements AutoCloseable {
    /** Requests with a bigger body get HTTP 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final System.Logger LOG = System.getLogger(VerifyEmulator.class.getName());
    private static final int THREADS = 4;
    private static final int QUEUED_REQUESTS = 256;
    /** The JDK server's switch for TCP_NODELAY on accepted connections; read once, when its first server starts. */
    static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        // The JDK's server writes the response headers and the body as two packets. Without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client acknowledges the headers, and the client delays that ACK by
        // about 40 ms: every call then took 40 ms on loopback (about 10 verifications per second through the SDK,
        // against about 800 with the flag). A value set by the user is left alone.
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private final FakeVerificationGateway fake;
    private final VerifyApi api;
    private final TesterEndpoints tester;
    private final Credentials credentials;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private VerifyEmulator(FakeVerificationGateway fake, HttpServer server, String apiKey, String apiSecret) {
        this.fake = fake;
        this.api = new VerifyApi(fake, apiKey.length() > 8 ? apiKey.substring(0, 8) : apiKey);
        this.tester = new TesterEndpoints(fake);
        this.credentials = new Credentials(apiKey, apiSecret);
        this.server = server;
        AtomicInteger threadNumber = new AtomicInteger();
        // A few threads and a bounded queue; when the queue is full the accepting thread runs the request itself,
        // which slows clients down instead of growing without limit.
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), runnable -> {
                    Thread thread = new Thread(runnable, "verify-emulator-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Starts an emulator over {@code fake} on {@code bind} (port 0 picks a free port) accepting only the given
     * credentials. The fake follows Verify v1, as the endpoints do.
     */
    public static VerifyEmulator start(FakeVerificationGateway fake, InetSocketAddress bind, String apiKey,
                                       String apiSecret) {
        Objects.requireNonNull(fake, "fake");
        Objects.requireNonNull(bind, "bind");
        if (fake.profile() != FakeProfile.V1) {
            throw new IllegalArgumentException("the v1 emulator serves a v1 fake, not a " + fake.profile() + " one");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("the emulator needs a non-blank api key and api secret");
        }
        try {
            HttpServer server = HttpServer.create(bind, 0);
            VerifyEmulator emulator = new VerifyEmulator(fake, server, apiKey, apiSecret);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind, e);
        }
    }

    /** Where clients point, e.g. {@code http://127.0.0.1:8089}; the SDK's {@code apiBaseUri}. */
    public URI baseUri() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress();
        if (address instanceof Inet6Address && !address.isAnyLocalAddress()) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The simulator behind this emulator. */
    public FakeVerificationGateway fake() {
        return fake;
    }

    /** Stops answering at once and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // -------------------------------------------------------------------------------------------- the boundary

    /** Every request ends here with an answer; nothing escapes as a 500 or a stack trace. */
    private void handle(HttpExchange exchange) {
        try (exchange) {
            Route route = Route.of(exchange.getRequestURI().getRawPath());
            if (route == null) {
                Exchanges.drainAndSend(exchange, MAX_BODY_BYTES, 404, Map.of("error", "not found"));
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!route.methods.contains(method)) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", route.methods));
                Exchanges.drainAndSend(exchange, MAX_BODY_BYTES, 405, Map.of("error", "method not allowed"));
                return;
            }
            byte[] body = Exchanges.readBody(exchange, MAX_BODY_BYTES);
            if (body == null) {
                send(exchange, 413, Map.of("error", "request body over " + MAX_BODY_BYTES + " bytes"));
                return;
            }
            answer(exchange, route, body);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away: {0}", e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // Unreachable by design; logged by type and place only, since a message could carry user input.
            LOG.log(System.Logger.Level.WARNING, "unexpected failure in the emulator: " + e.getClass().getName()
                    + " at " + (e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?"));
            trySendInternalError(exchange);
        }
    }

    private void answer(HttpExchange exchange, Route route, byte[] body) throws IOException {
        Parameters params = new Parameters();
        try {
            params.addEncoded(exchange.getRequestURI().getRawQuery());
            if (Exchanges.isForm(exchange)) {
                params.addEncoded(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            sendEncodingError(exchange, route, new ApiError("3", "Invalid value: malformed parameter encoding").body());
            return;
        }
        switch (route) {
            case REQUEST, CHECK, CONTROL, SEARCH -> answerApi(exchange, route, params);
            case OUTBOX -> tester.outbox(exchange, params);
            case CLOCK -> tester.clock(exchange, params);
            case RESET -> tester.reset(exchange);
        }
    }

    private void answerApi(HttpExchange exchange, Route route, Parameters params) throws IOException {
        try {
            credentials.check(exchange, params);
            send(exchange, 200, callApi(route, params));
        } catch (ApiError e) {
            send(exchange, 200, e.body());
        } catch (GatewayException e) {
            answerScriptedFault(exchange, e);
        }
    }

    private Map<String, Object> callApi(Route route, Parameters params) {
        return switch (route) {
            case REQUEST -> api.request(params);
            case CHECK -> api.check(params);
            case CONTROL -> api.control(params);
            case SEARCH -> api.search(params);
            case OUTBOX, CLOCK, RESET -> throw new IllegalStateException(route + " is a tester's endpoint");
        };
    }

    private void answerScriptedFault(HttpExchange exchange, GatewayException fault) throws IOException {
        switch (fault.reason()) {
            case THROTTLED -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("request_id", "");
                body.put("status", "1");
                body.put("error_text", "Throttled");
                send(exchange, 200, body);
            }
            case TIMEOUT -> {
                // Closing without an answer is what a client sees when the provider never answers in time.
                exchange.close();
            }
            default -> send(exchange, 503, Map.of("status", "5", "error_text", "Service Unavailable"));
        }
    }

    private static void sendEncodingError(HttpExchange exchange, Route route, Map<String, Object> vonageError) throws IOException {
        if (route.tester) {
            send(exchange, 400, Map.of("error", "malformed parameter encoding"));
        } else {
            send(exchange, 200, vonageError);
        }
    }

    private static void trySendInternalError(HttpExchange exchange) {
        try {
            send(exchange, 200, Map.of("status", "5", "error_text", "Internal Error"));
        } catch (IOException | RuntimeException e) {
            // Headers may already be out; the connection closes with the exchange, nothing more to do.
            LOG.log(System.Logger.Level.DEBUG, "could not send the internal-error answer");
        }
    }

    /** The paths the emulator answers and the methods each accepts. */
    private enum Route {
        REQUEST("/verify/json", false, "GET", "POST"),
        CHECK("/verify/check/json", false, "GET", "POST"),
        CONTROL("/verify/control/json", false, "GET", "POST"),
        SEARCH("/verify/search/json", false, "GET", "POST"),
        OUTBOX("/_emulator/outbox", true, "GET"),
        CLOCK("/_emulator/clock", true, "POST"),
        RESET("/_emulator/reset", true, "POST");

        final String path;
        final boolean tester;
        final List<String> methods;

        Route(String path, boolean tester, String... methods) {
            this.path = path;
            this.tester = tester;
            this.methods = List.of(methods);
        }

        static Route of(String path) {
            for (Route route : values()) {
                if (route.path.equals(path)) {
                    return route;
                }
            }
            return null;
        }
    }
}
