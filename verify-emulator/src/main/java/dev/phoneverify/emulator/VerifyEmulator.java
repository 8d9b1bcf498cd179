package dev.phoneverify.emulator;

import com.sun.net.httpserver.HttpServer;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server that speaks Vonage Verify v1 (facts §1.1-1.3, §3.7) and v2 (facts §2) over two in-process fakes
 * on one clock, so the real SDKs and clients in any language can be tested without Vonage.
 *
 * <p>v1: {@code /verify/json}, {@code /verify/psd2/json}, {@code /verify/check/json}, {@code /verify/control/json}
 * and {@code /verify/search/json}, by GET or POST, form or JSON bodies, credentials as {@code api_key}/{@code
 * api_secret} or HTTP Basic. v2: {@code POST /v2/verify}, {@code POST /v2/verify/{id}}, {@code DELETE
 * /v2/verify/{id}}, {@code POST /v2/verify/{id}/next_workflow} (also {@code next-workflow}), with Basic or a Bearer
 * JWT, and signed callbacks to a configured URL. Tester's endpoints under {@code /_emulator/}, without
 * credentials, for loopback use only.
 *
 * <p>Scripted faults of the fakes show on the wire the way outages do: UNAVAILABLE is an HTTP 503, TIMEOUT closes
 * the connection without an answer, THROTTLED is v1 status 1 or a v2 429 with {@code Retry-After}.
 */
public final class VerifyEmulator implements AutoCloseable {
    /** Requests with a bigger body get HTTP 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

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

    private final FakeVerificationGateway v1;
    private final FakeVerificationGateway v2;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Optional<CallbackSender> callbacks;

    private VerifyEmulator(EmulatorSettings settings, HttpServer server) {
        this.v1 = settings.v1;
        this.v2 = settings.v2;
        this.server = server;
        this.callbacks = settings.callbackUrl.map(url -> new CallbackSender(url,
                new CallbackSignature(settings.signatureSecret.orElseThrow(), settings.apiKey), settings.retry));
        V2Requests requests = new V2Requests(callbacks);
        // The fake hands its status updates on when its clock advances and after each v2 call; the emulator turns
        // them into callbacks. Without a callback URL there is nothing to send, and nothing is kept.
        callbacks.ifPresent(sender -> v2.pushStatusTo(requests::onUpdate));
        Credentials credentials = new Credentials(settings.apiKey, settings.apiSecret);
        String accountId = settings.apiKey.length() > 8 ? settings.apiKey.substring(0, 8) : settings.apiKey;
        Psd2Payments payments = new Psd2Payments();
        TesterEndpoints tester = new TesterEndpoints(v1, v2, payments, () -> {
            requests.clear();
            callbacks.ifPresent(CallbackSender::reset);
        });
        V1Endpoints v1Endpoints = new V1Endpoints(v1, credentials, accountId, payments);
        V2Endpoints v2Endpoints = new V2Endpoints(v2, new V2Auth(credentials, settings.applicationKey), requests);
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
        server.createContext("/", new Router(v1Endpoints, v2Endpoints, tester));
    }

    /**
     * Starts an emulator over the v1 {@code fake} on {@code bind} (port 0 picks a free port) accepting only the
     * given credentials; v2 is served by a v2 fake with Vonage's defaults on the same clock, without callbacks.
     */
    public static VerifyEmulator start(FakeVerificationGateway fake, InetSocketAddress bind, String apiKey,
                                       String apiSecret) {
        return builder(fake).bind(Objects.requireNonNull(bind, "bind")).credentials(apiKey, apiSecret).start();
    }

    /** Settings for an emulator over the v1 {@code fake}; {@link EmulatorSettings#start()} starts it. */
    public static EmulatorSettings builder(FakeVerificationGateway fake) {
        return new EmulatorSettings(fake);
    }

    static VerifyEmulator start(EmulatorSettings settings) {
        try {
            HttpServer server = HttpServer.create(settings.bind, 0);
            VerifyEmulator emulator = new VerifyEmulator(settings, server);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind, e);
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

    /** The v1 simulator behind this emulator. */
    public FakeVerificationGateway fake() {
        return v1;
    }

    /** The v2 simulator behind {@code /v2/verify}, on the same clock as {@link #fake()}. */
    public FakeVerificationGateway v2Fake() {
        return v2;
    }

    /** Every callback attempt so far, oldest first (the last 1000); none without a callback URL. */
    public List<CallbackAttempt> callbackAttempts() {
        return callbacks.map(CallbackSender::attempts).orElse(List.of());
    }

    /** Stops answering at once, drops callbacks not yet sent, and releases the port. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        callbacks.ifPresent(CallbackSender::close);
    }
}
