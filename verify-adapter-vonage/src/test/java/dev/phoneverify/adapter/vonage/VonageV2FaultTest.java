package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.phoneverify.adapter.vonage.StubVerify2Server.Answer;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.VerificationGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Infrastructure failures on Verify v2: each operation ends in a retryable {@link GatewayException} within the
 * timeout plus a margin, with the SDK's exception as the cause, and a message that repeats nothing of the answer.
 */
class VonageV2FaultTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /** The SDK applies the timeout to connect and to read separately, so allow a few timeouts plus a second. */
    private static final Duration WITHIN = TIMEOUT.multipliedBy(3).plusSeconds(1);
    private static final String ECHO = "echo-" + V2Fixture.SECRET;

    /** One gateway operation that calls Vonage, so every fault is tried on each. */
    enum Operation {
        START(StubVerify2Server.Operation.START, g -> g.start(V2Fixture.smsThenVoice())),
        CHECK(StubVerify2Server.Operation.CHECK, g -> g.check(V2Fixture.REQUEST, VerificationCode.parse("1234"))),
        CANCEL(StubVerify2Server.Operation.CANCEL, g -> g.cancel(V2Fixture.REQUEST)),
        ADVANCE(StubVerify2Server.Operation.NEXT_WORKFLOW, g -> g.advance(V2Fixture.REQUEST));

        final StubVerify2Server.Operation path;
        final Consumer<VerificationGateway> call;

        Operation(StubVerify2Server.Operation path, Consumer<VerificationGateway> call) {
            this.path = path;
            this.call = call;
        }
    }

    private StubVerify2Server server;

    @BeforeEach
    void startServer() {
        server = StubVerify2Server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private VerificationGateway gatewayAt(URI baseUri) {
        return new VonageV2VerificationGateway(VonageV2Config.builder().apiKey(V2Fixture.KEY)
                .apiSecret(V2Fixture.SECRET).baseUri(baseUri).timeout(TIMEOUT).build());
    }

    private void answerEverywhere(Answer answer) {
        for (Operation operation : Operation.values()) {
            server.answer(operation.path, answer);
        }
    }

    private static GatewayException failureOf(Operation operation, VerificationGateway gateway) {
        long started = System.nanoTime();
        GatewayException failure = catchThrowableOfType(GatewayException.class, () -> operation.call.accept(gateway));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure).as("%s must fail with GatewayException", operation).isNotNull();
        assertThat(elapsed).isLessThan(WITHIN);
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).doesNotContain(ECHO).doesNotContain(V2Fixture.SECRET);
        return failure;
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void connectionRefusedIsUnavailable(Operation operation) {
        GatewayException failure = failureOf(operation, gatewayAt(URI.create("http://127.0.0.1:" + freePort())));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
        assertThat(failure.getCause()).hasCauseInstanceOf(java.net.ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void answerSlowerThanTheTimeoutIsATimeout(Operation operation) {
        answerEverywhere(json(200, V2Fixture.COMPLETED));
        CountDownLatch release = server.holdAnswers();
        try {
            GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

            assertThat(failure.reason()).isEqualTo(GatewayException.Reason.TIMEOUT);
        } finally {
            release.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void serverErrorIsUnavailable(Operation operation) {
        answerEverywhere(problem(500, "Internal error", ",\"echo\":\"" + ECHO + "\""));

        GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void htmlErrorPageIsABadResponse(Operation operation) {
        answerEverywhere(new Answer(503, "text/html", "<html>" + ECHO + "</html>", Map.of()));

        GatewayException failure = failureOf(operation, gatewayAt(server.baseUri()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.BAD_RESPONSE);
        assertThat(failure.getCause()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void successThatIsNotJsonIsABadResponse(Operation operation) {
        answerEverywhere(new Answer(operation == Operation.START ? 202 : 200, "application/json", "<html>" + ECHO,
                Map.of()));

        assertThat(failureOf(operation, gatewayAt(server.baseUri())).reason())
                .isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    @Test
    void startAnswerWithoutARequestIdIsABadResponse() {
        server.answer(StubVerify2Server.Operation.START, json(202, "{}"));

        GatewayException failure = catchThrowableOfType(GatewayException.class,
                () -> gatewayAt(server.baseUri()).start(V2Fixture.smsThenVoice()));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    @Test
    void concurrentVerificationWithoutTheRequestInFlightIsABadResponse() {
        server.answer(StubVerify2Server.Operation.START, problem(409, "Conflict", ""));

        assertThat(catchThrowableOfType(GatewayException.class,
                () -> gatewayAt(server.baseUri()).start(V2Fixture.smsThenVoice())).reason())
                .isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    @Test
    void concurrentVerificationNamingANonUuidIsABadResponse() {
        server.answer(StubVerify2Server.Operation.START, problem(409, "Conflict", ",\"request_id\":\"not-a-uuid\""));

        assertThat(catchThrowableOfType(GatewayException.class,
                () -> gatewayAt(server.baseUri()).start(V2Fixture.smsThenVoice())).reason())
                .isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    @Test
    void checkAnswer200ThatDoesNotSayCompletedIsNeverVerified() {
        server.answer(StubVerify2Server.Operation.CHECK,
                json(200, "{\"request_id\":\"" + V2Fixture.ID + "\",\"status\":\"failed\"}"));

        assertThat(catchThrowableOfType(GatewayException.class, () -> gatewayAt(server.baseUri())
                .check(V2Fixture.REQUEST, VerificationCode.parse("1234"))).reason())
                .isEqualTo(GatewayException.Reason.BAD_RESPONSE);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void throttledCarriesTheRetryAfterSeconds(Operation operation) {
        answerEverywhere(problem(429, "Rate Limit Hit", "").withHeader("Retry-After", "7"));

        GatewayException failure = catchThrowableOfType(GatewayException.class,
                () -> operation.call.accept(gatewayAt(server.baseUri())));

        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.THROTTLED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void throttledCarriesARetryAfterDate() {
        Instant in90Seconds = Instant.now().plusSeconds(90);
        server.answer(StubVerify2Server.Operation.START, problem(429, "Rate Limit Hit", "").withHeader("Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(in90Seconds.atOffset(ZoneOffset.UTC))));

        GatewayException failure = catchThrowableOfType(GatewayException.class,
                () -> gatewayAt(server.baseUri()).start(V2Fixture.smsThenVoice()));

        assertThat(failure.retryAfter()).hasValueSatisfying(wait ->
                assertThat(wait).isBetween(Duration.ofSeconds(80), Duration.ofSeconds(90)));
    }

    @Test
    void throttledWithoutRetryAfterSaysNothingOfWhen() {
        VerificationGateway gateway = gatewayAt(server.baseUri());
        server.answer(StubVerify2Server.Operation.START, problem(429, "Rate Limit Hit", "").withHeader("Retry-After",
                "5"));
        catchThrowableOfType(GatewayException.class, () -> gateway.start(V2Fixture.smsThenVoice()));
        server.answer(StubVerify2Server.Operation.START, problem(429, "Rate Limit Hit", ""));

        GatewayException second = catchThrowableOfType(GatewayException.class,
                () -> gateway.start(V2Fixture.smsThenVoice()));

        assertThat(second.retryAfter()).as("the earlier answer's wait is not reused").isEmpty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
