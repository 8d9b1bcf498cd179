package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bad input over real HTTP gets Vonage's error statuses or a 4xx, never a 500 or a stack trace. */
class EmulatorBadInputTest {
    private static final String AUTH = "api_key=key&api_secret=secret";

    private static FakeVerificationGateway fake;
    private static VerifyEmulator emulator;
    private static HttpClient http;

    @BeforeAll
    static void startEmulator() {
        fake = FakeVerificationGateway.create();
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), "key", "secret");
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        fake.reset();
    }

    private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(emulator.baseUri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("never a 5xx").isLessThan(500);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return response;
    }

    @Test
    @DisplayName("facts §1.5 status 2: a missing parameter is named")
    void missingParametersGiveStatusTwo() throws Exception {
        assertThat(post("/verify/json", "brand=Acme&" + AUTH).body())
                .contains("\"status\":\"2\"").contains("Missing number");
        assertThat(post("/verify/json", "number=447700900000&" + AUTH).body())
                .contains("\"status\":\"2\"").contains("Missing brand");
        assertThat(post("/verify/check/json", "request_id=abc&" + AUTH).body())
                .contains("\"status\":\"2\"").contains("Missing code");
        assertThat(post("/verify/control/json", "request_id=abc&" + AUTH).body())
                .contains("\"status\":\"2\"").contains("Missing cmd");
        assertThat(post("/verify/search/json", AUTH).body()).contains("\"status\":\"2\"");
    }

    @Test
    @DisplayName("facts §1.5 status 3: malformed values")
    void malformedValuesGiveStatusThree() throws Exception {
        String[] forms = {
            "/verify/json|number=07700900000&brand=Acme",
            "/verify/json|number=447700900000&brand=ThisBrandIsFarTooLong",
            "/verify/json|number=447700900000&brand=Acme&code_length=5",
            "/verify/json|number=447700900000&brand=Acme&workflow_id=8",
            "/verify/json|number=447700900000&brand=Acme&pin_expiry=59",
            "/verify/json|number=447700900000&brand=Acme&next_event_wait=901",
            "/verify/json|number=447700900000&brand=Acme&workflow_id=one",
            "/verify/check/json|request_id=abc&code=123",
            "/verify/check/json|request_id=abc&code=1234567",
            "/verify/check/json|request_id=" + "a".repeat(33) + "&code=1234",
            "/verify/control/json|request_id=abc&cmd=explode",
            "/verify/json|number=%ZZ&brand=Acme",
        };
        for (String entry : forms) {
            String[] parts = entry.split("\\|");
            HttpResponse<String> response = post(parts[0], parts[1] + "&" + AUTH);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).as(entry).contains("\"status\":\"3\"");
        }
    }

    @Test
    @DisplayName("facts §1.5 status 18: more than ten request_ids")
    void tooManySearchIds() throws Exception {
        String ids = "request_ids=a&".repeat(11);

        assertThat(post("/verify/search/json", ids + AUTH).body()).contains("\"status\":\"18\"");
    }

    @Test
    @DisplayName("facts §1.5 status 4: wrong or absent credentials; HTTP Basic accepted")
    void credentialsAreChecked() throws Exception {
        String basic = Base64.getEncoder().encodeToString("key:secret".getBytes(StandardCharsets.UTF_8));

        assertThat(post("/verify/json", "number=447700900000&brand=Acme&api_key=key&api_secret=nope").body())
                .contains("\"status\":\"4\"");
        assertThat(post("/verify/json", "number=447700900000&brand=Acme").body()).contains("\"status\":\"2\"");
        HttpResponse<String> withBasic = send(HttpRequest.newBuilder(
                        emulator.baseUri().resolve("/verify/json?number=447700900000&brand=Acme"))
                .header("Authorization", "Basic " + basic).GET());
        assertThat(withBasic.body()).contains("\"status\":\"0\"").containsPattern("\"request_id\":\"[0-9a-f]{32}\"");
        assertThat(withBasic.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    @Test
    void unknownPathIsNotFound() throws Exception {
        HttpResponse<String> response = post("/verify/psd3/json", AUTH);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("{");
    }

    @Test
    void wrongMethodIsNotAllowed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(emulator.baseUri().resolve("/verify/json"))
                .DELETE());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void hugeBodyIsRefused() throws Exception {
        HttpResponse<String> response = post("/verify/json", "brand=" + "x".repeat(100_000));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    @DisplayName("tester's endpoints: outbox oldest first, clock moves, reset forgets")
    void testerEndpoints() throws Exception {
        post("/verify/json", "number=447700900000&brand=Acme+Inc&" + AUTH);
        HttpResponse<String> clock = post("/_emulator/clock?advanceSeconds=125", "");
        HttpResponse<String> outbox = send(HttpRequest.newBuilder(
                emulator.baseUri().resolve("/_emulator/outbox?number=447700900000")).GET());

        assertThat(clock.statusCode()).isEqualTo(200);
        assertThat(outbox.body()).startsWith("[{\"number\":\"447700900000\",\"channel\":\"sms\"")
                .contains("\"channel\":\"tts\"").contains("Your Acme Inc PIN is");
        assertThat(post("/_emulator/clock?advanceSeconds=-5", "").statusCode()).isEqualTo(400);
        assertThat(post("/_emulator/reset", "").statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(emulator.baseUri().resolve("/_emulator/outbox")).GET()).body())
                .isEqualTo("[]");
    }
}
