package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Verify v1 status of facts 1.5, for each operation, answered over HTTP and read through the real SDK. */
class VonageStatusTableTest {
    private static final String ID = "abcdef0123456789abcdef0123456789";
    private static final RequestId REQUEST = new RequestId(ID);
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final Workflow WORKFLOW_ONE = Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE);

    private static StubVerifyServer server;
    private static VonageVerificationGateway gateway;

    @BeforeAll
    static void startServer() {
        server = StubVerifyServer.start();
        gateway = new VonageVerificationGateway(VonageConfig.builder()
                .apiKey("KEY").apiSecret("table-secret")
                .baseUri(server.baseUri())
                .timeout(Duration.ofSeconds(5))
                .build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String errorBody(int status) {
        return "{\"request_id\":\"" + ID + "\",\"status\":\"" + status + "\",\"error_text\":\"status " + status + "\"}";
    }

    @ParameterizedTest(name = "verify status {0} -> {1}")
    @CsvSource({
            "0,   Started",
            "1,   GatewayException:THROTTLED",
            "2,   GatewayException:MISCONFIGURED",
            "3,   Rejected:INVALID_NUMBER",
            "4,   GatewayException:MISCONFIGURED",
            "5,   GatewayException:UNAVAILABLE",
            "6,   GatewayException:MISCONFIGURED",
            "7,   Rejected:BARRED",
            "8,   GatewayException:MISCONFIGURED",
            "9,   GatewayException:MISCONFIGURED",
            "10,  ConcurrentVerification",
            "15,  Rejected:UNSUPPORTED_NETWORK",
            "16,  GatewayException:MISCONFIGURED",
            "17,  GatewayException:MISCONFIGURED",
            "18,  GatewayException:MISCONFIGURED",
            "19,  GatewayException:MISCONFIGURED",
            "20,  GatewayException:MISCONFIGURED",
            "29,  Rejected:DESTINATION_NOT_PERMITTED",
            "101, GatewayException:MISCONFIGURED",
    })
    void verifyStatus(int status, String expected) {
        String body = status == 7
                ? "{\"status\":\"7\",\"network\":\"23410\",\"error_text\":\"blacklisted\"}" // no request_id
                : errorBody(status);
        server.answer(StubVerifyServer.VERIFY, body);

        assertThat(Outcomes.nameOf(() -> gateway.start(StartRequest.of(NUMBER, new Brand("Acme"), 4, WORKFLOW_ONE))))
                .isEqualTo(expected);
    }

    @Test
    void concurrentVerificationCarriesTheRequestInFlight() {
        server.answer(StubVerifyServer.VERIFY, errorBody(10));

        assertThat(gateway.start(StartRequest.of(NUMBER, new Brand("Acme"), 4, WORKFLOW_ONE)))
                .isEqualTo(new StartOutcome.ConcurrentVerification(REQUEST));
    }

    @ParameterizedTest(name = "check status {0} -> {1}")
    @CsvSource({
            "0,   Correct",
            "1,   GatewayException:THROTTLED",
            "2,   GatewayException:MISCONFIGURED",
            "3,   GatewayException:MISCONFIGURED",
            "4,   GatewayException:MISCONFIGURED",
            "5,   GatewayException:UNAVAILABLE",
            "6,   NotFound",
            "7,   GatewayException:MISCONFIGURED",
            "8,   GatewayException:MISCONFIGURED",
            "9,   GatewayException:MISCONFIGURED",
            "10,  GatewayException:MISCONFIGURED",
            "15,  GatewayException:MISCONFIGURED",
            "16,  WrongCode",
            "17,  TooManyAttempts",
            "18,  GatewayException:MISCONFIGURED",
            "19,  GatewayException:MISCONFIGURED",
            "20,  GatewayException:MISCONFIGURED",
            "29,  GatewayException:MISCONFIGURED",
            "101, GatewayException:MISCONFIGURED",
    })
    void checkStatus(int status, String expected) {
        server.answer(StubVerifyServer.CHECK, status == 0
                ? "{\"request_id\":\"" + ID + "\",\"event_id\":\"0A00000012345678\",\"status\":\"0\","
                        + "\"price\":\"0.10000000\",\"currency\":\"EUR\"}"
                : errorBody(status));

        assertThat(Outcomes.nameOf(() -> gateway.check(REQUEST, VerificationCode.parse("1234")))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "cancel status {0} -> {1}")
    @CsvSource({
            "0,   Cancelled",
            "1,   GatewayException:THROTTLED",
            "2,   GatewayException:MISCONFIGURED",
            "3,   GatewayException:MISCONFIGURED",
            "4,   GatewayException:MISCONFIGURED",
            "5,   GatewayException:UNAVAILABLE",
            "6,   NotFound",
            "7,   GatewayException:MISCONFIGURED",
            "8,   GatewayException:MISCONFIGURED",
            "9,   GatewayException:MISCONFIGURED",
            "10,  GatewayException:MISCONFIGURED",
            "15,  GatewayException:MISCONFIGURED",
            "16,  GatewayException:MISCONFIGURED",
            "17,  GatewayException:MISCONFIGURED",
            "18,  GatewayException:MISCONFIGURED",
            "19,  NotPermitted:UNSPECIFIED",
            "20,  GatewayException:MISCONFIGURED",
            "29,  GatewayException:MISCONFIGURED",
            "101, GatewayException:MISCONFIGURED",
    })
    void cancelStatus(int status, String expected) {
        server.answer(StubVerifyServer.CONTROL, controlBody(status, "cancel"));

        // The request was not started by this adapter, so a 19 cannot be told apart: UNSPECIFIED.
        assertThat(Outcomes.nameOf(() -> gateway.cancel(REQUEST))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "trigger_next_event status {0} -> {1}")
    @CsvSource({
            "0,   Advanced:VOICE",
            "1,   GatewayException:THROTTLED",
            "2,   GatewayException:MISCONFIGURED",
            "3,   GatewayException:MISCONFIGURED",
            "4,   GatewayException:MISCONFIGURED",
            "5,   GatewayException:UNAVAILABLE",
            "6,   NotFound",
            "7,   GatewayException:MISCONFIGURED",
            "8,   GatewayException:MISCONFIGURED",
            "9,   GatewayException:MISCONFIGURED",
            "10,  GatewayException:MISCONFIGURED",
            "15,  GatewayException:MISCONFIGURED",
            "16,  GatewayException:MISCONFIGURED",
            "17,  GatewayException:MISCONFIGURED",
            "18,  GatewayException:MISCONFIGURED",
            "19,  NoStepsLeft",
            "20,  GatewayException:MISCONFIGURED",
            "29,  GatewayException:MISCONFIGURED",
            "101, GatewayException:MISCONFIGURED",
    })
    void advanceStatus(int status, String expected) {
        server.answer(StubVerifyServer.CONTROL, controlBody(status, "trigger_next_event"));

        assertThat(Outcomes.nameOf(() -> gateway.advance(REQUEST))).isEqualTo(expected);
    }

    private static String controlBody(int status, String command) {
        return status == 0
                ? "{\"status\":\"0\",\"command\":\"" + command + "\"}"
                : "{\"status\":\"" + status + "\",\"error_text\":\"status " + status + "\"}";
    }

    @ParameterizedTest(name = "search error status {0} -> {1}")
    @CsvSource({
            "1,   GatewayException:THROTTLED",
            "2,   GatewayException:MISCONFIGURED",
            "3,   UNKNOWN",
            "4,   GatewayException:MISCONFIGURED",
            "5,   GatewayException:UNAVAILABLE",
            "6,   UNKNOWN",
            "7,   UNKNOWN",
            "8,   GatewayException:MISCONFIGURED",
            "9,   GatewayException:MISCONFIGURED",
            "10,  UNKNOWN",
            "15,  UNKNOWN",
            "16,  UNKNOWN",
            "17,  UNKNOWN",
            "18,  UNKNOWN",
            "19,  UNKNOWN",
            "20,  UNKNOWN",
            "29,  UNKNOWN",
            "101, UNKNOWN",
    })
    void searchErrorStatus(int status, String expected) {
        server.answer(StubVerifyServer.SEARCH,
                "{\"request_id\":\"\",\"status\":\"" + status + "\",\"error_text\":\"No response found\"}");

        assertThat(Outcomes.nameOf(() -> gateway.status(REQUEST))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "search found \"{0}\" -> {1}")
    @CsvSource({
            "IN PROGRESS, IN_PROGRESS",
            "SUCCESS,     VERIFIED",
            "FAILED,      FAILED",
            "EXPIRED,     EXPIRED",
            "CANCELLED,   CANCELLED",
    })
    void searchFoundStatus(String vonageStatus, String expected) {
        server.answer(StubVerifyServer.SEARCH, "{\"request_id\":\"" + ID + "\",\"account_id\":\"abcdef01\","
                + "\"number\":\"447700900000\",\"sender_id\":\"verify\",\"date_submitted\":\"2020-01-01 12:00:00\","
                + "\"date_finalized\":\"\",\"checks\":[{\"date_received\":\"2020-01-01 12:00:00\",\"code\":\"1111\","
                + "\"status\":\"INVALID\",\"ip_address\":\"\"}],\"first_event_date\":\"2020-01-01 12:00:00\","
                + "\"last_event_date\":\"2020-01-01 12:00:00\",\"price\":\"0.10000000\",\"currency\":\"EUR\","
                + "\"status\":\"" + vonageStatus + "\",\"events\":[{\"id\":\"0A00000012345678\",\"type\":\"sms\"}]}");

        assertThat(Outcomes.nameOf(() -> gateway.status(REQUEST))).isEqualTo(expected);
    }
}
