package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.V2Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * v1 as every client sends it (facts §1.1-1.3): form or JSON bodies with values as strings or numbers, credentials
 * as parameters or Basic, GET with a query; the answers are the same bytes whichever way the request came.
 */
class V1AsEveryClientSendsItTest {
    private static final String NUMBER = "447700900030";

    private static FakeVerificationGateway fake;
    private static VerifyEmulator emulator;
    private static V2Client client;

    @BeforeAll
    static void startEmulator() {
        fake = FakeVerificationGateway.builder().codeSeed(3).build();
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), V2Client.KEY, V2Client.SECRET);
        client = new V2Client(emulator.baseUri());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        client.authorization(null).reset();
    }

    private static HttpResponse<String> postJson(String path, String body) {
        return client.authorization(V2Client.BASIC).send("POST", path, body, "application/json");
    }

    private static HttpResponse<String> form(String path, String body) {
        return client.authorization(null).send("POST", path, body + "&api_key=key&api_secret=secret",
                "application/x-www-form-urlencoded");
    }

    private static String code() {
        return client.lastCode(NUMBER);
    }

    @Test
    @DisplayName("a JSON body with Basic auth, numbers as numbers: request, check, control and search all work")
    void jsonBodies() {
        HttpResponse<String> started = postJson("/verify/json",
                "{\"number\":447700900030,\"brand\":\"Acme\",\"code_length\":6,\"workflow_id\":1}");
        assertThat(started.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json(started);
        assertThat(body.get("status").asText()).isEqualTo("0");
        String id = body.get("request_id").asText();
        assertThat(code()).hasSize(6);
        JsonNode search = json(postJson("/verify/search/json", "{\"request_id\":\"" + id + "\"}"));
        assertThat(search.get("status").asText()).isEqualTo("IN PROGRESS");
        assertThat(json(postJson("/verify/control/json", "{\"request_id\":\"" + id + "\",\"cmd\":\"trigger_next_event\"}"))
                .get("status").asText()).isEqualTo("0");
        assertThat(json(postJson("/verify/check/json", "{\"request_id\":\"" + id + "\",\"code\":\"" + code() + "\"}"))
                .get("status").asText()).isEqualTo("0");
    }

    @Test
    @DisplayName("the same request as form and as JSON gets byte-identical answers (ids aside)")
    void sameAnswers() {
        String id = readId(form("/verify/json", "number=" + NUMBER + "&brand=Acme").body());
        String wrong = code().equals("0000") ? "1111" : "0000";
        String formCheck = form("/verify/check/json", "request_id=" + id + "&code=" + wrong).body();
        String jsonCheck = postJson("/verify/check/json", "{\"request_id\":\"" + id + "\",\"code\":\"" + wrong + "\"}").body();
        assertThat(jsonCheck).isEqualTo(formCheck).contains("\"status\":\"16\"");
        String formMissing = form("/verify/json", "brand=Acme").body();
        String jsonMissing = postJson("/verify/json", "{\"brand\":\"Acme\"}").body();
        assertThat(jsonMissing).isEqualTo(formMissing).isEqualTo("{\"status\":\"2\",\"error_text\":\"Missing number\"}");
    }

    private static String readId(String answer) {
        try {
            return V2Client.JSON.readTree(answer).get("request_id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(answer, e);
        }
    }

    @Test
    @DisplayName("a form body labelled application/json (one client does that after a v2 call) is read as a form")
    void formLabelledJson() {
        HttpResponse<String> answer = client.authorization(null).send("POST", "/verify/json",
                "number=" + NUMBER + "&brand=Acme&api_key=key&api_secret=secret", "application/json");
        assertThat(json(answer).get("status").asText()).isEqualTo("0");
    }

    @Test
    @DisplayName("GET with query parameters, as the spec documents search and as the Node client sends it")
    void getWithQuery() {
        String id = readId(form("/verify/json", "number=" + NUMBER + "&brand=Acme").body());
        HttpResponse<String> search = client.authorization(null).send(HttpRequest.newBuilder(emulator.baseUri()
                .resolve("/verify/search/json?api_key=key&api_secret=secret&request_id=" + id)).GET());
        assertThat(json(search).get("request_id").asText()).isEqualTo(id);
        HttpResponse<String> badCredentials = client.authorization(null).send(HttpRequest.newBuilder(emulator
                .baseUri().resolve("/verify/search/json?api_key=key&api_secret=nope&request_id=" + id)).GET());
        assertThat(json(badCredentials).get("status").asText()).isEqualTo("4");
    }

    @Test
    @DisplayName("PSD2: payee and amount, the workflows of /verify/json, the outbox text names payee and amount")
    void psd2() {
        JsonNode started = json(form("/verify/psd2/json",
                "number=" + NUMBER + "&payee=Acme+Shop&amount=48.0&workflow_id=4&code_length=6"));
        assertThat(started.get("status").asText()).isEqualTo("0");
        String id = started.get("request_id").asText();
        JsonNode outbox = client.outbox(NUMBER);
        assertThat(outbox.get(0).get("text").asText()).contains("Acme Shop").contains("EUR 48.00")
                .contains(outbox.get(0).get("code").asText());
        assertThat(json(form("/verify/json", "number=" + NUMBER + "&brand=Acme")).get("status").asText())
                .as("one request in flight per number, PSD2 included").isEqualTo("10");
        client.advance(120);
        assertThat(client.outbox(NUMBER).size()).as("workflow 4: SMS, then SMS after 120 s").isEqualTo(2);
        assertThat(json(form("/verify/check/json", "request_id=" + id + "&code=" + code())).get("status").asText())
                .isEqualTo("0");
    }

    @Test
    @DisplayName("PSD2 by JSON with numbers; a missing payee or amount, or a bad amount, is Vonage's status 2 or 3")
    void psd2Json() {
        JsonNode started = json(postJson("/verify/psd2/json",
                "{\"number\":\"" + NUMBER + "\",\"payee\":\"Acme\",\"amount\":48.00,\"lg\":\"en-gb\"}"));
        assertThat(started.get("status").asText()).isEqualTo("0");
        assertThat(client.outbox(NUMBER).get(0).get("text").asText()).contains("EUR 48.00");
        assertThat(json(postJson("/verify/psd2/json", "{\"number\":\"447700900031\",\"amount\":1}")).get("error_text")
                .asText()).isEqualTo("Missing payee");
        assertThat(json(postJson("/verify/psd2/json", "{\"number\":\"447700900031\",\"payee\":\"Acme\"}"))
                .get("error_text").asText()).isEqualTo("Missing amount");
        assertThat(json(postJson("/verify/psd2/json", "{\"number\":\"447700900031\",\"payee\":\"Acme\",\"amount\":-3}"))
                .get("status").asText()).isEqualTo("3");
        assertThat(json(postJson("/verify/psd2/json", "{\"number\":\"447700900031\",\"payee\":\"Acme\",\"amount\":\"x\"}"))
                .get("status").asText()).isEqualTo("3");
    }
}
