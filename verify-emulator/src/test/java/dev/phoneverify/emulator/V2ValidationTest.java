package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.V2Client.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The start's rules (facts §2.3-2.4) and bad input: each broken rule is a 422 naming the field; malformed JSON,
 * wrong types, huge bodies and unknown paths are 4xx problems; nothing changes another request.
 */
class V2ValidationTest {
    private static final String SMS = "{\"channel\":\"sms\",\"to\":\"447700900003\"}";

    private static VerifyEmulator emulator;
    private static V2Client client;

    @BeforeAll
    static void startEmulator() {
        emulator = VerifyEmulator.start(FakeVerificationGateway.create(),
                new java.net.InetSocketAddress("127.0.0.1", 0), V2Client.KEY, V2Client.SECRET);
        client = new V2Client(emulator.baseUri());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"workflow\":[SMS]}|brand",
        "{\"brand\":\"\",\"workflow\":[SMS]}|brand",
        "{\"brand\":\"A brand over 18 chars\",\"workflow\":[SMS]}|brand",
        "{\"brand\":\"Acme/Inc\",\"workflow\":[SMS]}|brand",
        "{\"brand\":\"Ac{me}\",\"workflow\":[SMS]}|brand",
        "{\"brand\":\"Acme$\",\"workflow\":[SMS]}|brand",
        "{\"brand\":7,\"workflow\":[SMS]}|brand",
        "{\"brand\":\"Acme\"}|workflow",
        "{\"brand\":\"Acme\",\"workflow\":[]}|workflow",
        "{\"brand\":\"Acme\",\"workflow\":[SMS,SMS,SMS,SMS]}|workflow",
        "{\"brand\":\"Acme\",\"workflow\":{\"channel\":\"sms\"}}|workflow",
        "{\"brand\":\"Acme\",\"workflow\":[\"sms\"]}|workflow[0]",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"fax\",\"to\":\"447700900003\"}]}|workflow[0].channel",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\"}]}|workflow[0].to",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"+447700900003\"}]}|workflow[0].to",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"00447700900003\"}]}|workflow[0].to",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":447700900003}]}|workflow[0].to",
        "{\"brand\":\"Acme\",\"workflow\":[SMS,{\"channel\":\"whatsapp\",\"to\":\"447700900003\"}]}|workflow[1].from",
        "{\"brand\":\"Acme\",\"workflow\":[SMS,{\"channel\":\"email\",\"to\":\"not-an-address\"}]}|workflow[1].to",
        "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"447700900003\",\"from\":\"Too-long sender!\"}]}"
                + "|workflow[0].from",
        "{\"brand\":\"Acme\",\"client_ref\":\"x1234567890123456789012345678901234567890\",\"workflow\":[SMS]}"
                + "|client_ref",
        "{\"brand\":\"Acme\",\"client_ref\":\"my-ref\",\"workflow\":[SMS]}|client_ref",
        "{\"brand\":\"Acme\",\"code\":\"12\",\"workflow\":[SMS]}|code",
        "{\"brand\":\"Acme\",\"code\":\"12345678901\",\"workflow\":[SMS]}|code",
        "{\"brand\":\"Acme\",\"code\":\"12-34\",\"workflow\":[SMS]}|code",
        "{\"brand\":\"Acme\",\"code_length\":3,\"workflow\":[SMS]}|code_length",
        "{\"brand\":\"Acme\",\"code_length\":11,\"workflow\":[SMS]}|code_length",
        "{\"brand\":\"Acme\",\"code_length\":\"6\",\"workflow\":[SMS]}|code_length",
        "{\"brand\":\"Acme\",\"channel_timeout\":14,\"workflow\":[SMS]}|channel_timeout",
        "{\"brand\":\"Acme\",\"channel_timeout\":901,\"workflow\":[SMS]}|channel_timeout",
        "{\"brand\":\"Acme\",\"channel_timeout\":60.5,\"workflow\":[SMS]}|channel_timeout",
        "{\"brand\":\"Acme\",\"locale\":5,\"workflow\":[SMS]}|locale",
        "{\"brand\":\"Acme\",\"fraud_check\":\"no\",\"workflow\":[SMS]}|fraud_check",
    })
    @DisplayName("each broken start rule is a 422 invalid_parameters naming the field")
    void rejected(String body, String field) {
        HttpResponse<String> answer = client.start(body.replace("SMS", SMS));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        V2RulesOverHttpTest.assertProblem(answer, "#invalid-params");
        List<String> names = new ArrayList<>();
        json(answer).get("invalid_parameters").forEach(entry -> {
            names.add(entry.get("name").asText());
            assertThat(entry.get("reason").asText()).isNotBlank();
        });
        assertThat(names).contains(field);
    }

    @Test
    @DisplayName("every bad field of one body is named, not only the first")
    void everyBadField() {
        HttpResponse<String> answer = client.start("{\"brand\":\"Acme$\",\"code_length\":99,\"workflow\":["
                + "{\"channel\":\"sms\",\"to\":\"12\"},{\"channel\":\"whatsapp\",\"to\":\"447700900003\"}]}");
        List<String> names = new ArrayList<>();
        json(answer).get("invalid_parameters").forEach(entry -> names.add(entry.get("name").asText()));
        assertThat(names).contains("brand", "code_length", "workflow[0].to", "workflow[1].from");
    }

    @Test
    @DisplayName("the longest valid fields and every option pass")
    void validEdges() {
        HttpResponse<String> answer = client.start("{\"locale\":\"en-us\",\"channel_timeout\":900,"
                + "\"code_length\":10,\"fraud_check\":false,\"brand\":\"Eighteen chars brd\","
                + "\"client_ref\":\"a123456789012345678901234567890123456789\",\"workflow\":[{\"channel\":\"sms\","
                + "\"to\":\"447700900004\",\"from\":\"ACME\"},{\"channel\":\"voice\",\"to\":\"447700900004\"}]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        assertThat(client.lastCode("447700900004")).hasSize(10);
        client.cancel(json(answer).get("request_id").asText());
    }

    @Test
    @DisplayName("malformed JSON, wrong types and junk bodies get 4xx problems and leave other requests alone")
    void badBodies() {
        String id = client.startSms("447700900005");
        String code = client.lastCode("447700900005");
        for (String junk : List.of("{", "not json", "[]", "null", "\"text\"", "{\"brand\":[1,2]}",
                "{\"brand\":\"Acme\",\"workflow\":[null]}", "{} {}", "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"brand\":\"Acme\",\"code_length\":1e400,\"workflow\":[" + SMS + "]}")) {
            HttpResponse<String> answer = client.start(junk);
            assertThat(answer.statusCode()).as(junk).isBetween(400, 499);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        for (String junk : List.of("", "{", "{\"code\":1234}", "{\"code\":null}", "[\"1234\"]", "{\"code\":\"1\"}")) {
            HttpResponse<String> answer = client.send("POST", "/v2/verify/" + id, junk, "application/json");
            assertThat(answer.statusCode()).as(junk).isEqualTo(422);
        }
        assertThat(client.check(id, code).statusCode()).as("the request in flight was untouched").isEqualTo(200);
    }

    @Test
    @DisplayName("a huge body is 413, unknown paths 404 and wrong methods 405, all as problems")
    void paths() {
        HttpResponse<String> huge = client.start("{\"brand\":\"" + "x".repeat(VerifyEmulator.MAX_BODY_BYTES) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        V2RulesOverHttpTest.assertProblem(huge, "#payload-too-large");
        V2RulesOverHttpTest.assertProblem(client.send("POST", "/v2/verify/a/b/c", "", null), "#not-found");
        V2RulesOverHttpTest.assertProblem(client.send("GET", "/v2/verify", "", null), "#method-not-allowed");
        HttpResponse<String> put = client.send("PUT", "/v2/verify/c11236f4-00bf-4b89-84ba-88b25df97315", "{}",
                "application/json");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("POST, DELETE");
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/v3/whatever"))
                .GET());
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(emulator.baseUri().resolve("/v2/verify"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }
}
