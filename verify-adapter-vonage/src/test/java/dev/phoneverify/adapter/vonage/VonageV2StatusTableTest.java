package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.empty;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.problem;
import static dev.phoneverify.adapter.vonage.V2Fixture.COMPLETED;
import static dev.phoneverify.adapter.vonage.V2Fixture.ID;
import static dev.phoneverify.adapter.vonage.V2Fixture.REQUEST;
import static dev.phoneverify.adapter.vonage.V2Fixture.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.phoneverify.adapter.vonage.StubVerify2Server.Answer;
import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Verify v2 answer of facts 2.5, for each operation, sent by a stub in the documented wire format and read
 * through the real SDK: what the port says for each.
 */
class VonageV2StatusTableTest {
    private static final String IN_FLIGHT = "c11236f4-00bf-4b89-84ba-88b25df97399";

    private static StubVerify2Server server;
    private static VonageV2VerificationGateway gateway;

    @BeforeAll
    static void startServer() {
        server = StubVerify2Server.start();
        gateway = V2Fixture.gateway(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Arguments row(Answer answer, String expected) {
        return arguments(answer.status() + " " + answer.body(), answer, expected);
    }

    static Stream<Arguments> startAnswers() {
        return Stream.of(
                row(json(202, STARTED), "Started"),
                row(json(202, "{\"request_id\":\"" + ID + "\",\"check_url\":\"https://api.nexmo.com/v2/verify/"
                        + ID + "/silent-auth/redirect\"}"), "Started"),
                row(problem(401, "Unauthorized", ""), "GatewayException:MISCONFIGURED"),
                row(problem(402, "Low balance", ""), "GatewayException:MISCONFIGURED"),
                row(problem(403, "Forbidden", ""), "GatewayException:MISCONFIGURED"),
                row(problem(409, "Conflict", ",\"request_id\":\"" + IN_FLIGHT + "\""), "ConcurrentVerification"),
                row(problem(412, "Network not supported", ""), "Rejected:UNSUPPORTED_NETWORK"),
                row(problem(422, "Invalid params",
                        ",\"invalid_parameters\":[{\"name\":\"to\",\"reason\":\"'to' phone number is invalid\"}]"),
                        "Rejected:INVALID_NUMBER"),
                row(problem(422, "Invalid params",
                        ",\"invalid_parameters\":[{\"name\":\"workflow[1].to\",\"reason\":\"invalid\"}]"),
                        "Rejected:INVALID_NUMBER"),
                row(problem(422, "Invalid params",
                        ",\"invalid_parameters\":[{\"name\":\"brand\",\"reason\":\"Brand is required\"}]"),
                        "GatewayException:MISCONFIGURED"),
                row(problem(422, "Invalid params", ""), "GatewayException:MISCONFIGURED"),
                row(problem(429, "Rate Limit Hit", ""), "GatewayException:THROTTLED"),
                row(problem(500, "Internal error", ""), "GatewayException:UNAVAILABLE"),
                row(problem(503, "Service Unavailable", ""), "GatewayException:UNAVAILABLE"),
                row(problem(400, "Bad Request", ""), "GatewayException:MISCONFIGURED"),
                row(problem(404, "Not Found", ""), "GatewayException:MISCONFIGURED"));
    }

    @ParameterizedTest(name = "start answered {0} -> {2}")
    @MethodSource("startAnswers")
    void startAnswer(String name, Answer answer, String expected) {
        server.answer(Operation.START, answer);

        assertThat(Outcomes.nameOf(() -> gateway.start(V2Fixture.smsThenVoice()))).isEqualTo(expected);
    }

    @Test
    void concurrentVerificationAdoptsTheRequestInFlightTheBodyNames() {
        server.answer(Operation.START, problem(409, "Conflict", ",\"request_id\":\"" + IN_FLIGHT + "\""));

        assertThat(gateway.start(V2Fixture.smsThenVoice()))
                .isEqualTo(new StartOutcome.ConcurrentVerification(new RequestId(IN_FLIGHT)));
    }

    static Stream<Arguments> checkAnswers() {
        return Stream.of(
                row(json(200, COMPLETED), "Correct"),
                row(problem(400, "Invalid Code", ""), "WrongCode"),
                row(problem(410, "Invalid Code", ""), "TooManyAttempts"),
                row(problem(404, "Not Found", ""), "NotFound"),
                row(problem(409, "Conflict", ""), "GatewayException:MISCONFIGURED"),
                row(problem(401, "Unauthorized", ""), "GatewayException:MISCONFIGURED"),
                row(problem(402, "Low balance", ""), "GatewayException:MISCONFIGURED"),
                row(problem(422, "Invalid params", ""), "GatewayException:MISCONFIGURED"),
                row(problem(429, "Rate Limit Hit", ""), "GatewayException:THROTTLED"),
                row(problem(500, "Internal error", ""), "GatewayException:UNAVAILABLE"),
                row(empty(502), "GatewayException:UNAVAILABLE"));
    }

    @ParameterizedTest(name = "check answered {0} -> {2}")
    @MethodSource("checkAnswers")
    void checkAnswer(String name, Answer answer, String expected) {
        server.answer(Operation.CHECK, answer);

        assertThat(Outcomes.nameOf(() -> gateway.check(REQUEST, VerificationCode.parse("1234")))).isEqualTo(expected);
    }

    static Stream<Arguments> cancelAnswers() {
        return Stream.of(
                row(empty(204), "Cancelled"),
                row(problem(404, "Not Found", ""), "NotFound"),
                row(problem(409, "Conflict", ""), "NotPermitted:UNSPECIFIED"),
                row(problem(401, "Unauthorized", ""), "GatewayException:MISCONFIGURED"),
                row(problem(402, "Low balance", ""), "GatewayException:MISCONFIGURED"),
                row(problem(429, "Rate Limit Hit", ""), "GatewayException:THROTTLED"),
                row(problem(500, "Internal error", ""), "GatewayException:UNAVAILABLE"));
    }

    @ParameterizedTest(name = "cancel answered {0} -> {2}")
    @MethodSource("cancelAnswers")
    void cancelAnswer(String name, Answer answer, String expected) {
        server.answer(Operation.CANCEL, answer);

        // The request was not started by this adapter, so a refusal's reason is unknown: UNSPECIFIED.
        assertThat(Outcomes.nameOf(() -> gateway.cancel(REQUEST))).isEqualTo(expected);
    }

    static Stream<Arguments> nextWorkflowAnswers() {
        return Stream.of(
                row(empty(200), "Advanced:VOICE"),
                row(json(200, "{}"), "Advanced:VOICE"),
                row(problem(404, "Not Found", ""), "NotFound"),
                row(problem(409, "Conflict", ""), "NoStepsLeft"),
                row(problem(401, "Unauthorized", ""), "GatewayException:MISCONFIGURED"),
                row(problem(402, "Low balance", ""), "GatewayException:MISCONFIGURED"),
                row(problem(429, "Rate Limit Hit", ""), "GatewayException:THROTTLED"),
                row(problem(500, "Internal error", ""), "GatewayException:UNAVAILABLE"));
    }

    @ParameterizedTest(name = "next_workflow answered {0} -> {2}")
    @MethodSource("nextWorkflowAnswers")
    void nextWorkflowAnswer(String name, Answer answer, String expected) {
        server.answer(Operation.NEXT_WORKFLOW, answer);

        // Not started here: assumed to be on the first step of the default workflow (SMS, then voice).
        assertThat(Outcomes.nameOf(() -> gateway.advance(REQUEST))).isEqualTo(expected);
    }

    @Test
    void statusAsksNothingAndSaysUnknown() {
        int before = server.requests().size();

        assertThat(gateway.status(REQUEST)).isEqualTo(RequestStatus.UNKNOWN);
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void anIdThatIsNotAV2IdIsNotFoundWithoutAsking() {
        RequestId v1Id = new RequestId(
                "abcdef0123456789abcdef0123456789");
        int before = server.requests().size();

        assertThat(Outcomes.nameOf(() -> gateway.check(v1Id, VerificationCode.parse("1234")))).isEqualTo("NotFound");
        assertThat(Outcomes.nameOf(() -> gateway.cancel(v1Id))).isEqualTo("NotFound");
        assertThat(Outcomes.nameOf(() -> gateway.advance(v1Id))).isEqualTo("NotFound");
        assertThat(server.requests()).hasSize(before);
    }

    @Test
    void invalidToOfAnEmailStepIsTheAddressNotTheNumber() {
        server.answer(Operation.START, problem(422, "Invalid params",
                ",\"invalid_parameters\":[{\"name\":\"workflow[1].to\",\"reason\":\"invalid\"}]"));
        StartRequest smsThenEmail = new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 6,
                Workflow.of(Channel.SMS, Channel.EMAIL), Optional.of(EmailAddress.parse("alice@example.com")),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> gateway.start(smsThenEmail)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.field()).isEqualTo(InvalidInputException.Field.EMAIL));
    }

    @Test
    void misconfiguredParameterIsNamedButTheBodysTextIsNot() {
        server.answer(Operation.START, problem(422, "Invalid params",
                ",\"invalid_parameters\":[{\"name\":\"brand\",\"reason\":\"Brand is required\"}]"));

        assertThatThrownBy(() -> gateway.start(V2Fixture.smsThenVoice()))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("brand")
                .hasMessageNotContaining("Brand is required")
                .hasMessageNotContaining("stub detail");
    }
}
