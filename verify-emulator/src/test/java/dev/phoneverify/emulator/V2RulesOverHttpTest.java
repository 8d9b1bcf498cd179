package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.V2Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.adapter.fake.FakeProfile;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Verify v2's rules (facts §2.2-2.6) as a client sees them over HTTP. */
class V2RulesOverHttpTest {
    private static final String TO = "447700900001";
    private static final String SMS_THEN_VOICE = "{\"brand\":\"Acme\",\"channel_timeout\":60,\"workflow\":["
            + "{\"channel\":\"sms\",\"to\":\"" + TO + "\"},{\"channel\":\"voice\",\"to\":\"" + TO + "\"}]}";

    private static VerifyEmulator emulator;
    private static V2Client client;

    @BeforeAll
    static void startEmulator() {
        FakeVerificationGateway v1 = FakeVerificationGateway.builder().codeSeed(1).build();
        FakeVerificationGateway v2 = FakeVerificationGateway.builder(FakeProfile.V2).clock(v1.clock()).codeSeed(2)
                .whatsAppSender("VerifyEmulator").build();
        emulator = VerifyEmulator.builder(v1).v2(v2).credentials(V2Client.KEY, V2Client.SECRET).start();
        client = new V2Client(emulator.baseUri());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        client.authorization(V2Client.BASIC).reset();
    }

    private static String started(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json(answer).get("request_id").asText();
    }

    @Test
    @DisplayName("start: 202 typed exactly application/json, only request_id (a UUID), first step already in the outbox")
    void start() {
        HttpResponse<String> answer = client.start(SMS_THEN_VOICE);
        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(answer);
        assertThat(body.size()).isEqualTo(1);
        String id = body.get("request_id").asText();
        assertThat(java.util.UUID.fromString(id).toString()).isEqualTo(id);
        JsonNode outbox = client.outbox(TO);
        assertThat(outbox.size()).isEqualTo(1);
        assertThat(outbox.get(0).get("channel").asText()).isEqualTo("sms");
        assertThat(outbox.get(0).get("to").asText()).isEqualTo(TO);
        assertThat(outbox.get(0).get("number").asText()).isEqualTo(TO);
        assertThat(outbox.get(0).get("requestId").asText()).isEqualTo(id);
        assertThat(outbox.get(0).get("sentAt").asText()).endsWith("Z");
        assertThat(answer.body()).doesNotContain(outbox.get(0).get("code").asText());
    }

    @Test
    @DisplayName("check: the right code gives 200 with request_id and status completed; then the request is gone (404)")
    void checkRightCode() {
        String id = started(client.start(SMS_THEN_VOICE));
        HttpResponse<String> answer = client.check(id, client.lastCode(TO));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(answer).get("request_id").asText()).isEqualTo(id);
        assertThat(json(answer).get("status").asText()).isEqualTo("completed");
        assertThat(client.check(id, client.lastCode(TO)).statusCode()).isEqualTo(404);
        assertThat(client.cancel(id).statusCode()).isEqualTo(404);
        assertThat(client.next(id).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("wrong codes 1 and 2 give 400, the third 410 and the request has failed (404 after)")
    void wrongCodes() {
        String id = started(client.start(SMS_THEN_VOICE));
        String right = client.lastCode(TO);
        String wrong = right.equals("0000") ? "1111" : "0000";
        assertThat(client.check(id, wrong).statusCode()).isEqualTo(400);
        assertThat(client.check(id, wrong).statusCode()).isEqualTo(400);
        HttpResponse<String> third = client.check(id, wrong);
        assertThat(third.statusCode()).isEqualTo(410);
        assertProblem(third, "#expired");
        assertThat(client.check(id, right).statusCode()).isEqualTo(404);
        assertThat(started(client.start(SMS_THEN_VOICE))).as("the number is free again").isNotEqualTo(id);
    }

    @Test
    @DisplayName("unknown or malformed request ids give 404 on check, cancel and next")
    void unknownRequest() {
        String unknown = "c11236f4-00bf-4b89-84ba-88b25df97315";
        assertProblem(client.check(unknown, "1234"), "#request-not-found");
        assertThat(client.cancel(unknown).statusCode()).isEqualTo(404);
        assertThat(client.next(unknown).statusCode()).isEqualTo(404);
        assertThat(client.check("not-a-uuid", "1234").statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("cancel: 204 without a body while in progress, sent as real clients do; then 404; the number is free")
    void cancel() {
        String id = started(client.start(SMS_THEN_VOICE));
        HttpResponse<String> answer = client.cancel(id);
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(client.cancel(id).statusCode()).isEqualTo(404);
        assertThat(client.check(id, client.lastCode(TO)).statusCode()).isEqualTo(404);
        started(client.start(SMS_THEN_VOICE));
    }

    @Test
    @DisplayName("next_workflow: 200, the next step goes out now with a new code, only the latest code verifies")
    void nextWorkflow() {
        String id = started(client.start(SMS_THEN_VOICE));
        String first = client.lastCode(TO);
        HttpResponse<String> answer = client.next(id);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode outbox = client.outbox(TO);
        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.get(1).get("channel").asText()).isEqualTo("voice");
        String second = outbox.get(1).get("code").asText();
        if (!second.equals(first)) {
            assertThat(client.check(id, first).statusCode()).as("the earlier step's code").isEqualTo(400);
        }
        assertThat(client.check(id, second).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("next-workflow (the hyphen SDK 9.3.1 posts) is the same; 409 no-events on the last step")
    void nextWorkflowAliasAndLastStep() {
        String id = started(client.start(SMS_THEN_VOICE));
        assertThat(client.send("POST", "/v2/verify/" + id + "/next-workflow", "", null).statusCode()).isEqualTo(200);
        HttpResponse<String> last = client.next(id);
        assertThat(last.statusCode()).isEqualTo(409);
        assertProblem(last, "#no-events");
    }

    @Test
    @DisplayName("each step lasts channel_timeout; the clock's answer comes after the next step is in the outbox")
    void stepsTimeOut() {
        String id = started(client.start(SMS_THEN_VOICE));
        client.advance(59);
        assertThat(client.outbox(TO).size()).isEqualTo(1);
        client.advance(1);
        JsonNode outbox = client.outbox(TO);
        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.get(1).get("channel").asText()).isEqualTo("voice");
        client.advance(60);
        assertThat(client.check(id, client.lastCode(TO)).statusCode()).as("expired after the last step")
                .isEqualTo(404);
        started(client.start(SMS_THEN_VOICE));
    }

    @Test
    @DisplayName("the default channel_timeout is 180 s; time moves only through the test clock")
    void defaultTimeout() {
        String id = client.startSms(TO);
        client.advance(179);
        assertThat(client.check(id, "0000".equals(client.lastCode(TO)) ? "1111" : "0000").statusCode())
                .isEqualTo(400);
        client.advance(1);
        assertThat(client.check(id, client.lastCode(TO)).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("a custom code is sent on every step and is the one that verifies")
    void customCode() {
        String id = started(client.start("{\"brand\":\"Acme\",\"code\":\"246810\",\"workflow\":["
                + "{\"channel\":\"sms\",\"to\":\"" + TO + "\"},{\"channel\":\"voice\",\"to\":\"" + TO + "\"}]}"));
        client.next(id);
        List<String> codes = new ArrayList<>();
        client.outbox(TO).forEach(entry -> codes.add(entry.get("code").asText()));
        assertThat(codes).containsExactly("246810", "246810");
        assertThat(client.check(id, "246810").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("one request in flight per to: 409 concurrent with the in-flight request_id")
    void concurrent() {
        String id = started(client.start(SMS_THEN_VOICE));
        HttpResponse<String> second = client.start(SMS_THEN_VOICE);
        assertThat(second.statusCode()).isEqualTo(409);
        assertProblem(second, "#concurrent");
        assertThat(json(second).get("request_id").asText()).isEqualTo(id);
        assertThat(client.startSms("447700900002")).as("another number is not held up").isNotEqualTo(id);
    }

    @Test
    @DisplayName("email and whatsapp steps: to is an address for email, whatsapp needs from; v2 channel names")
    void otherChannels() {
        String id = started(client.start("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"whatsapp\",\"to\":\""
                + TO + "\",\"from\":\"447700400080\"},{\"channel\":\"email\",\"to\":\"alice@example.com\"}]}"));
        client.next(id);
        JsonNode email = client.outbox("alice@example.com");
        assertThat(email.size()).isEqualTo(1);
        assertThat(email.get(0).get("channel").asText()).isEqualTo("email");
        assertThat(email.get(0).get("number").asText()).isEqualTo(TO);
        assertThat(client.outbox(TO).get(0).get("channel").asText()).isEqualTo("whatsapp");
        assertThat(client.check(id, email.get(0).get("code").asText()).statusCode()).isEqualTo(200);
    }

    static void assertProblem(HttpResponse<String> answer, String anchor) {
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(answer);
        assertThat(problem.get("type").asText()).startsWith("https://").endsWith(anchor);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("instance").asText()).isNotBlank();
    }
}
