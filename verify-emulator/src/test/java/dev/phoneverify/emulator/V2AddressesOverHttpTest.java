package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.V2Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP: v2 custom codes with letters (facts §2.3), steps to different addresses and email-only workflows with
 * one request in flight per {@code to} (facts §2.3-2.6), and the optional hold after a cancel (facts §2.6
 * Concurrency), set from the command line.
 */
class V2AddressesOverHttpTest {
    private static final String ADA = "447700900201";
    private static final String BOB = "447700900202";
    private static final String MAIL = "ada@example.com";

    private VerifyEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private V2Client client(String... extraOptions) throws IOException {
        String[] args = new String[4 + extraOptions.length];
        args[0] = "--api-key=" + V2Client.KEY;
        args[1] = "--api-secret=" + V2Client.SECRET;
        args[2] = "--port=0";
        args[3] = "--code-seed=7";
        System.arraycopy(extraOptions, 0, args, 4, extraOptions.length);
        emulator = EmulatorMain.start(EmulatorOptions.parse(args));
        return new V2Client(emulator.baseUri());
    }

    private static String step(String channel, String to) {
        return "{\"channel\":\"" + channel + "\",\"to\":\"" + to + "\"}";
    }

    private static String id(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return json(started).get("request_id").asText();
    }

    @Test
    @DisplayName("a custom code of letters and digits is sent as given and checked case for case; it is in no answer")
    void letteredCustomCode() throws IOException {
        V2Client client = client();
        HttpResponse<String> started = client.start("{\"brand\":\"Acme\",\"code\":\"12aBcD\",\"workflow\":["
                + step("sms", ADA) + "," + step("voice", ADA) + "]}");
        String id = id(started);
        assertThat(client.lastCode(ADA)).isEqualTo("12aBcD");

        HttpResponse<String> otherCase = client.check(id, "12ABCD");
        assertThat(otherCase.statusCode()).isEqualTo(400);
        V2RulesOverHttpTest.assertProblem(otherCase, "#invalid-code");
        assertThat(client.next(id).statusCode()).isEqualTo(200);
        assertThat(client.lastCode(ADA)).as("the same custom code on every step").isEqualTo("12aBcD");
        HttpResponse<String> right = client.check(id, "12aBcD");
        assertThat(right.statusCode()).isEqualTo(200);
        for (HttpResponse<String> answer : new HttpResponse[] {started, otherCase, right}) {
            assertThat(answer.body()).doesNotContain("12aBcD").doesNotContainIgnoringCase("12abcd");
        }
    }

    @Test
    @DisplayName("a lettered code against a generated one is a wrong code that counts: 400, 400, then 410")
    void letteredWrongCodesCount() throws IOException {
        V2Client client = client();
        String id = id(client.start("{\"brand\":\"Acme\",\"workflow\":[" + step("sms", ADA) + "]}"));
        assertThat(client.check(id, "abcd").statusCode()).isEqualTo(400);
        assertThat(client.check(id, "abce").statusCode()).isEqualTo(400);
        assertThat(client.check(id, "abcf").statusCode()).isEqualTo(410);
        assertThat(client.check(id, client.lastCode(ADA)).statusCode()).as("the request has failed").isEqualTo(404);
    }

    @Test
    @DisplayName("an email-only workflow: 202, the code in the outbox by ?to= (any case) and ?number=, one in flight per to")
    void emailOnly() throws IOException {
        V2Client client = client();
        String body = "{\"brand\":\"Acme\",\"workflow\":[" + step("email", MAIL) + "]}";
        String id = id(client.start(body));

        JsonNode entry = client.outbox("ADA@example.com").get(0);
        assertThat(entry.get("channel").asText()).isEqualTo("email");
        assertThat(entry.get("to").asText()).isEqualTo(MAIL);
        assertThat(entry.get("number").asText()).as("no number: where it went").isEqualTo(MAIL);
        assertThat(entry.get("requestId").asText()).isEqualTo(id);
        assertThat(client.outbox(MAIL).size()).isEqualTo(1);
        HttpResponse<String> again = client.start(body);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("request_id").asText()).isEqualTo(id);
        assertThat(client.check(id, entry.get("code").asText()).statusCode()).isEqualTo(200);
        id(client.start(body));
    }

    @Test
    @DisplayName("steps to different numbers: each step's message goes to its own to, and each to is held in flight")
    void stepsToDifferentNumbers() throws IOException {
        V2Client client = client();
        String id = id(client.start("{\"brand\":\"Acme\",\"channel_timeout\":60,\"workflow\":[" + step("sms", ADA)
                + "," + step("voice", BOB) + "," + step("email", MAIL) + "]}"));
        assertThat(client.outbox(ADA).size()).isEqualTo(1);
        assertThat(client.outbox(BOB).size()).isZero();
        HttpResponse<String> busy = client.start("{\"brand\":\"Acme\",\"workflow\":[" + step("sms", BOB) + "]}");
        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(json(busy).get("request_id").asText()).isEqualTo(id);

        client.advance(60);
        JsonNode call = client.outbox(BOB).get(0);
        assertThat(call.get("channel").asText()).isEqualTo("voice");
        assertThat(call.get("number").asText()).as("filed under the request's first number").isEqualTo(ADA);
        client.advance(60);
        assertThat(client.outbox(MAIL).size()).isEqualTo(1);
        assertThat(client.check(id, client.lastCode(MAIL)).statusCode()).isEqualTo(200);
        id(client.start("{\"brand\":\"Acme\",\"workflow\":[" + step("sms", BOB) + "]}"));
    }

    @Test
    @DisplayName("by default a cancelled request's to is free at once")
    void cancelFreesAtOnce() throws IOException {
        V2Client client = client();
        String body = "{\"brand\":\"Acme\",\"workflow\":[" + step("sms", ADA) + "]}";
        assertThat(client.cancel(id(client.start(body))).statusCode()).isEqualTo(204);
        id(client.start(body));
    }

    @Test
    @DisplayName("--v2-busy-after-cancel S: a start to a cancelled request's to gets 409 with its id for S seconds")
    void busyAfterCancel() throws IOException {
        V2Client client = client("--v2-busy-after-cancel", "12");
        String body = "{\"brand\":\"Acme\",\"workflow\":[" + step("sms", ADA) + "]}";
        String id = id(client.start(body));
        assertThat(client.cancel(id).statusCode()).isEqualTo(204);

        client.advance(11);
        HttpResponse<String> held = client.start(body);
        assertThat(held.statusCode()).isEqualTo(409);
        V2RulesOverHttpTest.assertProblem(held, "#concurrent");
        assertThat(json(held).get("request_id").asText()).isEqualTo(id);
        assertThat(client.check(id, client.lastCode(ADA)).statusCode()).as("still cancelled").isEqualTo(404);
        client.advance(1);
        id(client.start(body));
    }
}
