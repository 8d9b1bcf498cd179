package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.empty;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.StartRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * With every logger at every level, a whole v2 flow (Basic and JWT auth, successes, refusals and failures) logs
 * neither the API secret, nor the private key, nor an Authorization header, nor a code, nor an unmasked number or
 * address; and without the adapter's guard the SDK's HTTP layer would log the credentials.
 */
class VonageV2LogHygieneTest {
    private static final String SECRET = "hygiene-V2-S3CRET";
    private static final String CUSTOM_CODE = "86420975";
    private static final List<String> CODES = List.of("123456", "654321", CUSTOM_CODE);
    private static final EmailAddress EMAIL = EmailAddress.parse("alice.hygiene@example.com");

    private LogCapture logs;
    private StubVerify2Server server;

    @BeforeEach
    void logEverything() {
        logs = LogCapture.everything();
        server = StubVerify2Server.start();
    }

    @AfterEach
    void restoreLogging() {
        server.close();
        logs.close();
    }

    private VonageV2VerificationGateway gateway(UnaryOperator<VonageV2Config.Builder> more) {
        return new VonageV2VerificationGateway(more.apply(VonageV2Config.builder().apiKey(V2Fixture.KEY)
                .apiSecret(SECRET).baseUri(server.baseUri())).build());
    }

    @ParameterizedTest(name = "application (JWT auth): {0}")
    @ValueSource(booleans = {false, true})
    void wholeFlowLogsNoSecretNoKeyNoTokenNoCodeAndNoUnmaskedNumber(boolean jwt) {
        VonageV2VerificationGateway gateway = gateway(b -> jwt ? b.application(TestApplication.application()) : b);
        server.answer(Operation.START, json(202, V2Fixture.STARTED))
                .answer(Operation.CHECK, problem(400, "Invalid Code", ""))
                .answer(Operation.NEXT_WORKFLOW, empty(200))
                .answer(Operation.CANCEL, empty(204));

        gateway.start(new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 8, Workflow.of(Channel.SMS, Channel.EMAIL),
                Optional.of(EMAIL), Optional.empty(), Optional.of(VerificationCode.parse(CUSTOM_CODE)),
                Optional.empty()));
        gateway.check(V2Fixture.REQUEST, VerificationCode.parse("123456"));
        gateway.advance(V2Fixture.REQUEST);
        server.answer(Operation.CHECK, json(200, V2Fixture.COMPLETED));
        gateway.check(V2Fixture.REQUEST, VerificationCode.parse("654321"));
        gateway.cancel(V2Fixture.REQUEST);
        server.answer(Operation.START, problem(429, "Rate Limit Hit", "").withHeader("Retry-After", "3"));
        catchThrowable(() -> gateway.start(V2Fixture.smsThenVoice()));
        server.answer(Operation.START, problem(422, "Invalid params",
                ",\"invalid_parameters\":[{\"name\":\"brand\",\"reason\":\"" + SECRET + "\"}]"));
        catchThrowable(() -> gateway.start(V2Fixture.smsThenVoice()));

        String log = logs.text();
        assertThat(log).as("our DEBUG lines reach the capture")
                .contains("vonage-v2 start", "vonage-v2 check", "vonage-v2 advance", "vonage-v2 cancel",
                        V2Fixture.NUMBER.masked());
        assertThat(log).doesNotContain(SECRET, TestApplication.privateKeyBase64().substring(0, 40), "PRIVATE KEY",
                "Basic ", "Bearer ", V2Fixture.NUMBER.digits(), EMAIL.value());
        for (StubVerify2Server.Recorded request : server.requests()) {
            String token = request.header("Authorization");
            assertThat(log).doesNotContain(token.substring(token.indexOf(' ') + 1));
        }
        for (String code : CODES) {
            assertThat(log).as("code %s", code).doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
        }
    }

    @Test
    void withoutTheGuardTheSdksHttpLayerLogsTheCredentials() {
        VonageV2VerificationGateway gateway = gateway(b -> b.sdkWireLogging(true));
        LogCapture.unpinWireLoggers();
        server.answer(Operation.START, json(202, V2Fixture.STARTED));

        gateway.start(V2Fixture.smsThenVoice());

        // This is why the adapter pins those loggers to INFO unless told otherwise.
        assertThat(logs.text()).contains(server.lastRequest().header("Authorization"));
    }
}
