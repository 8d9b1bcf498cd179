package dev.phoneverify.app;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import static dev.phoneverify.app.VerificationApiContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of any shape gets a 4xx problem, never a 5xx or a stack trace. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private static final String ID = "0123456789abcdef0123456789abcdef";
    private RunningApp app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
        api = new ApiClient(app.port());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    static Stream<Arguments> bodies() {
        return Stream.of("", " ", "null", "true", "42", "\"+447700900000\"", "[]", "{", "{\"number\":}",
                "{\"number\":null}", "{\"number\":[\"+447700900000\"]}", "{\"number\":{\"a\":1}}", "{\"number\":1e99}",
                "{\"number\":\"+447700900000\"} trailing", "{\"number\":\"\\u0000\"}", "{\"number\":\"" + "9".repeat(5000) + "\"}",
                "{\"number\":\"<script>alert(1)</script>\"}", "[".repeat(5000), "{\"code\":\"1234\"}", "\u00ff\u00fe")
                .flatMap(body -> Stream.of(Arguments.of("/api/verifications", body),
                        Arguments.of("/api/verifications/" + ID + "/check", body),
                        Arguments.of("/api/dev/clock", body)));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void malformedJsonBodiesAre4xxProblems(String path, String body) {
        ApiClient.Answer answer = api.postJson(path, body);

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception", "at dev.", "at io.");
    }

    @Test
    void unknownFieldsAreIgnored() {
        ApiClient.Answer answer = api.postJson("/api/verifications",
                "{\"number\":\"+447700999001\",\"extra\":{\"deep\":[1,2,3]},\"admin\":true}");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    }

    @Test
    void aHugeBodyIs413() {
        String huge = "{\"number\":\"" + "1".repeat(100_000) + "\"}";

        assertProblem(api.postJson("/api/verifications", huge), 413, "payload-too-large");
        // Without Content-Length (chunked) the limit holds while reading.
        HttpRequest chunked = api.request("/api/verifications").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge.getBytes())))
                .build();
        assertProblem(api.send(chunked), 413, "payload-too-large");
    }

    @Test
    void nonJsonContentIs415() {
        assertProblem(api.post("/api/verifications", "application/x-www-form-urlencoded", "number=%2B447700900000"),
                415, "unsupported-media-type");
        assertProblem(api.post("/api/verifications", "text/plain", "{\"number\":\"+447700900000\"}"),
                415, "unsupported-media-type");
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        assertProblem(api.get("/nope"), 404, "not-found");
        assertProblem(api.get("/api/verifications/" + ID + "/nope"), 404, "not-found");
        assertProblem(api.send("DELETE", "/api/verifications/" + ID), 405, "method-not-allowed");
        assertProblem(api.send("PUT", "/api/verifications"), 405, "method-not-allowed");
        assertProblem(api.get("/api/verifications/" + ID + "/check"), 405, "method-not-allowed");
        assertProblem(api.send("PATCH", "/health"), 405, "method-not-allowed");
    }

    @Test
    void badIdsAre404() {
        for (String id : List.of("x", ID.toUpperCase(), ID + "0", "%E2%80%AE" + ID, "%3Cb%3E")) {
            assertProblem(api.get("/api/verifications/" + id), 404, "not-found");
            assertProblem(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"1234\"}"), 404, "not-found");
        }
        // Jetty refuses ambiguous paths itself, before the app sees them: still a 4xx.
        for (String id : List.of("..%2F..%2Fetc", "%00", "a%5Cb")) {
            assertThat(api.get("/api/verifications/" + id).status()).isBetween(400, 499);
        }
    }

    @Test
    void badQueryParametersAre4xx() {
        assertThat(api.get("/api/dev/outbox?number=%25ZZ%00").status()).isBetween(400, 499);
        assertThat(api.get("/api/dev/outbox?number=" + "9".repeat(3000)).status()).isBetween(400, 499);
    }
}
