package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.V2Client.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Scripted faults of the v2 fake on the wire, in-process and through {@code /_emulator/fault} and {@code /number}. */
class V2FaultsOverHttpTest {
    private static final String TO = "447700900040";

    private static VerifyEmulator emulator;
    private static V2Client client;

    @BeforeAll
    static void startEmulator() {
        emulator = VerifyEmulator.builder(FakeVerificationGateway.create()).credentials(V2Client.KEY, V2Client.SECRET)
                .start();
        client = new V2Client(emulator.baseUri());
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        client.reset();
    }

    private static HttpResponse<String> tester(String pathAndQuery) {
        return client.send(HttpRequest.newBuilder(emulator.baseUri().resolve(pathAndQuery))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    @DisplayName("the next start fails: 503 problem, nothing started; the one after works")
    void failNext() {
        emulator.v2Fake().failNext(Operation.START);
        HttpRequest.Builder start = HttpRequest.newBuilder(emulator.baseUri().resolve("/v2/verify"))
                .header("Authorization", V2Client.BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\","
                        + "\"to\":\"" + TO + "\"}]}"));
        HttpResponse<String> failed = sendAllowing5xx(start);
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.outbox(TO).size()).isZero();
        client.startSms(TO);
    }

    @Test
    @DisplayName("the next check times out: the connection closes without an answer and nothing changed")
    void timeOut() {
        String id = client.startSms(TO);
        assertThat(tester("/_emulator/fault?api=v2&operation=check&kind=timeout").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> client.check(id, client.lastCode(TO))).isInstanceOf(UncheckedIOException.class);
        assertThat(client.check(id, client.lastCode(TO)).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the next cancel loses its answer: no answer, yet the request was cancelled")
    void loseAnswer() {
        String id = client.startSms(TO);
        tester("/_emulator/fault?api=v2&operation=cancel&kind=lose-answer");
        assertThatThrownBy(() -> client.cancel(id)).isInstanceOf(UncheckedIOException.class);
        assertThat(client.cancel(id).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("throttling: 429 with Retry-After, by the next start or by a number rule")
    void throttled() {
        tester("/_emulator/fault?api=v2&operation=start&kind=throttle");
        HttpResponse<String> answer = client.start("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\""
                + TO + "\"}]}");
        assertThat(answer.statusCode()).isEqualTo(429);
        assertThat(answer.headers().firstValue("Retry-After")).hasValueSatisfying(value ->
                assertThat(Integer.parseInt(value)).isPositive());
        V2RulesOverHttpTest.assertProblem(answer, "#throttled");
        tester("/_emulator/number?api=v2&number=" + TO + "&rule=throttled");
        assertThat(client.start("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"" + TO + "\"}]}")
                .statusCode()).isEqualTo(429);
    }

    @Test
    @DisplayName("a barred number is refused with a 422 naming its step's to; allowing it again works")
    void barred() {
        emulator.v2Fake().barNumber(PhoneNumber.parse(TO));
        HttpResponse<String> answer = client.start("{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"email\","
                + "\"to\":\"a@example.com\"},{\"channel\":\"sms\",\"to\":\"" + TO + "\"}]}");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(json(answer).get("invalid_parameters").get(0).get("name").asText()).isEqualTo("workflow[1].to");
        tester("/_emulator/number?api=v2&number=" + TO + "&rule=allowed");
        client.startSms(TO);
    }

    @Test
    @DisplayName("fault endpoints refuse what they cannot do with a 400")
    void badFaultRequests() {
        assertThat(tester("/_emulator/fault?api=v3&operation=start&kind=fail").statusCode()).isEqualTo(400);
        assertThat(tester("/_emulator/fault?api=v2&operation=check&kind=throttle").statusCode()).isEqualTo(400);
        assertThat(tester("/_emulator/fault?api=v2&operation=start&kind=explode").statusCode()).isEqualTo(400);
        assertThat(tester("/_emulator/number?api=v2&number=12&rule=barred").statusCode()).isEqualTo(400);
        assertThat(tester("/_emulator/number?api=v2&number=" + TO + "&rule=odd").statusCode()).isEqualTo(400);
    }

    private static HttpResponse<String> sendAllowing5xx(HttpRequest.Builder request) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
