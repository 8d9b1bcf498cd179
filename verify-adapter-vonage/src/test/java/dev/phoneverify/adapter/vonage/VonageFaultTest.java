package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Infrastructure failures: each operation ends in a retryable {@link GatewayException} within the timeout plus a
 * margin, with the SDK's exception as the cause when the SDK threw one, and a message that does not repeat the
 * server's body.
 */
class VonageFaultTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** The SDK applies the timeout to connect and to read separately, so allow a few timeouts plus a second. */
    private static final Duration WITHIN = TIMEOUT.multipliedBy(3).plusSeconds(1);
    private static final String BODY_WITH_SECRET_ECHO = "{\"error\":\"echo api_secret=fault-secret\"}";

    /** One gateway operation, so every fault is tried on each. */
    enum Operation {
        START(g -> g.start(StartRequest.of(PhoneNumber.parse("+447700900001"), new Brand("Acme"), 4,
                g.capabilities().defaultWorkflow()))),
        CHECK(g -> g.check(id(), VerificationCode.parse("1234"))),
        CANCEL(g -> g.cancel(id())),
        ADVANCE(g -> g.advance(id())),
        STATUS(g -> g.status(id()));

        final Consumer<VerificationGateway> call;

        Operation(Consumer<VerificationGateway> call) {
            this.call = call;
        }

        private static RequestId id() {
            return new RequestId("abcdef0123456789abcdef0123456789");
        }
    }

    private StubVerifyServer server;

    @BeforeEach
    void startServer() {
        server = StubVerifyServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private VerificationGateway gatewayAt(URI baseUri) {
        return new VonageVerificationGateway(VonageConfig.builder()
                .apiKey("KEY").apiSecret("fault-secret")
                .baseUri(baseUri)
                .timeout(TIMEOUT)
                .build());
    }

    private void answerEverywhere(int httpStatus, String body) {
        for (String path : new String[] {
                StubVerifyServer.VERIFY, StubVerifyServer.CHECK, StubVerifyServer.CONTROL, StubVerifyServer.SEARCH}) {
            server.answer(path, httpStatus, body);
        }
    }

    private static GatewayException failureOf(Operation operation, VerificationGateway gateway) {
        long started = System.nanoTime();
        GatewayException failure = catchThrowableOfType(GatewayException.class, () -> operation.call.accept(gateway));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).as("%s must fail with GatewayException", operation).isNotNull();
        assertThat(elapsed).isLessThan(WITHIN);
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).doesNotContain("fault-secret");
        return failure;
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void connectionRefusedIsUnavailable(Operation operation) {
        URI closedPort = URI.create("http://127.0.0.1:" + freePort());

        GatewayException failure = failureOf(operation, gatewayAt(closedPort));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
        assertThat(failure.getCause()).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void answerSlowerThanTheTimeoutIsATimeout(Operation operation) {
        answerEverywhere(200, "{\"status\":\"0\",\"request_id\":\"abcdef0123456789abcdef0123456789\"}");
        CountDownLatch release = server.holdAnswers();
        try {
            GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

            assertThat(failure.reason()).isEqualTo(GatewayException.Reason.TIMEOUT);
            assertThat(failure.getCause()).hasCauseInstanceOf(java.net.SocketTimeoutException.class);
        } finally {
            release.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http500IsUnavailable(Operation operation) {
        answerEverywhere(500, BODY_WITH_SECRET_ECHO);

        GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void http401IsUnavailableBecauseVerifyV1CannotTellItApart(Operation operation) {
        answerEverywhere(401, BODY_WITH_SECRET_ECHO);

        GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void bodyThatIsNotJsonIsABadResponse(Operation operation) {
        answerEverywhere(200, "<html>api_secret=fault-secret</html>");

        GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.BAD_RESPONSE);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void answerWithoutStatusIsABadResponse(Operation operation) {
        answerEverywhere(200, "{\"request_id\":\"abcdef0123456789abcdef0123456789\"}");

        assertThat(failureOf(operation, gatewayAt(server.baseUri())).reason())
                .isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
