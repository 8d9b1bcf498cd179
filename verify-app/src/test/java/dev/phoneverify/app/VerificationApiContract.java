package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JSON API's behaviour, whatever gateway the app runs on. Each subclass starts the app through
 * {@link VerifyApp#start} and names the fake that plays the provider, so scenarios can be scripted on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VerificationApiContract {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(100_000);

    protected RunningApp app;
    protected ApiClient api;

    /** Starts the app under test. */
    protected abstract RunningApp startApp();

    /** The simulator behind the app's gateway, in-process or behind the emulator. */
    protected abstract FakeVerificationGateway provider();

    /** Stops whatever {@link #startApp} started besides the app. */
    protected void stopExtras() {
    }

    @BeforeAll
    void startTheApp() {
        app = startApp();
        api = new ApiClient(app.port());
    }

    @AfterAll
    void stopTheApp() {
        if (app != null) {
            app.close();
        }
        stopExtras();
    }

    /** A number no other test uses, so no two tests share a verification in flight. */
    static String freshNumber() {
        return "+447700" + NEXT_NUMBER.incrementAndGet();
    }

    ApiClient.Answer start(String number) {
        return api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
    }

    String startedId(String number) {
        ApiClient.Answer answer = start(number);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }

    ApiClient.Answer check(String id, String code) {
        return api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    String codeSentTo(String number) {
        return provider().lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
    }

    static String wrong(String code) {
        return code.equals("0000") ? "1111" : "0000";
    }

    static void assertProblem(ApiClient.Answer answer, int status, String slug) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/" + slug);
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.text("title")).isNotBlank();
        assertThat(answer.text("detail")).isNotBlank();
    }

    @Test
    void startAnswers201WithLocationAndAPendingSmsVerification() {
        ApiClient.Answer answer = start(freshNumber());

        assertThat(answer.status()).isEqualTo(201);
        String id = answer.text("id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(answer.header("Location")).isEqualTo("/api/verifications/" + id);
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.text("state")).isEqualTo("PENDING");
        assertThat(answer.text("channel")).isEqualTo("SMS");
        assertThat(answer.json().get("attemptsRemaining").asInt()).isEqualTo(3);
        assertThat(Instant.parse(answer.text("expiresAt"))).isNotNull();
        assertThat(answer.json().fieldNames()).toIterable()
                .containsExactly("id", "state", "channel", "attemptsRemaining", "expiresAt", "remainingSteps");
    }

    @Test
    void getAnswersTheCurrentState() {
        String id = startedId(freshNumber());

        ApiClient.Answer answer = api.get("/api/verifications/" + id);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("id")).isEqualTo(id);
        assertThat(answer.text("state")).isEqualTo("PENDING");
    }

    @Test
    void theCodeFromTheMessageVerifies() {
        String number = freshNumber();
        String id = startedId(number);

        ApiClient.Answer answer = check(id, codeSentTo(number));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text("outcome")).isEqualTo("CORRECT");
        assertThat(answer.text("state")).isEqualTo("VERIFIED");
        assertThat(api.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void aWrongCodeCountsDownAndTheThirdFailsTheVerification() {
        String number = freshNumber();
        String id = startedId(number);
        String wrong = wrong(codeSentTo(number));

        ApiClient.Answer first = check(id, wrong);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("outcome")).isEqualTo("WRONG_CODE");
        assertThat(first.text("state")).isEqualTo("PENDING");
        assertThat(first.json().get("attemptsRemaining").asInt()).isEqualTo(2);
        check(id, wrong);
        ApiClient.Answer third = check(id, wrong);

        assertThat(third.text("outcome")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(third.text("state")).isEqualTo("FAILED");
    }

    @Test
    void aVerificationThatEndedSaysWhyAndAPendingOneDoesNot() {
        String verifiedNumber = freshNumber();
        String verified = startedId(verifiedNumber);
        String failedNumber = freshNumber();
        String failed = startedId(failedNumber);
        assertThat(api.get("/api/verifications/" + verified).json().has("endReason")).isFalse();

        check(verified, codeSentTo(verifiedNumber));
        for (int attempt = 0; attempt < 3; attempt++) {
            check(failed, wrong(codeSentTo(failedNumber)));
        }

        ApiClient.Answer verifiedAnswer = api.get("/api/verifications/" + verified);
        assertThat(verifiedAnswer.text("state")).isEqualTo("VERIFIED");
        assertThat(verifiedAnswer.text("endReason")).isEqualTo("CODE_VERIFIED");
        ApiClient.Answer failedAnswer = api.get("/api/verifications/" + failed);
        assertThat(failedAnswer.text("state")).isEqualTo("FAILED");
        assertThat(failedAnswer.text("endReason")).isEqualTo("TOO_MANY_WRONG_CODES");
    }

    @Test
    void aCheckAfterTheVerificationEndedIs409FinishedNamingTheState() {
        String number = freshNumber();
        String id = startedId(number);
        check(id, codeSentTo(number));

        ApiClient.Answer answer = check(id, codeSentTo(number));

        assertProblem(answer, 409, "finished");
        assertThat(answer.text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void cancelBeforeThirtySecondsIs409CancelNotPermittedAndAfterwardsCancels() {
        String id = startedId(freshNumber());

        ApiClient.Answer tooEarly = api.send("POST", "/api/verifications/" + id + "/cancel");
        assertProblem(tooEarly, 409, "cancel-not-permitted");
        assertThat(tooEarly.text("detail")).contains("30 seconds");

        provider().clock().advance(Duration.ofSeconds(31));
        ApiClient.Answer cancelled = api.send("POST", "/api/verifications/" + id + "/cancel");

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
        assertProblem(api.send("POST", "/api/verifications/" + id + "/cancel"), 409, "finished");
    }

    @Test
    void nextMovesToAVoiceCallUntilNoStepIsLeft() {
        String number = freshNumber();
        String id = startedId(number);

        ApiClient.Answer call = api.send("POST", "/api/verifications/" + id + "/next");
        assertThat(call.status()).as(call.toString()).isEqualTo(200);
        assertThat(call.text("channel")).isEqualTo("VOICE");
        assertThat(call.text("state")).isEqualTo("PENDING");

        ApiClient.Answer last = api.send("POST", "/api/verifications/" + id + "/next");
        assertThat(last.status()).as(last.toString()).isEqualTo(200);
        ApiClient.Answer none = api.send("POST", "/api/verifications/" + id + "/next");
        assertProblem(none, 409, "no-next-step");
        assertThat(check(id, codeSentTo(number)).text("outcome")).isEqualTo("CORRECT");
    }

    @Test
    void aSecondStartForTheSameNumberIs409WithoutTheOtherId() {
        String number = freshNumber();
        String id = startedId(number);

        ApiClient.Answer answer = start(number);

        assertProblem(answer, 409, "concurrent-verification");
        assertThat(answer.body()).doesNotContain(id);
    }

    @Test
    void malformedInputIsRefusedWith400BeforeAnyGatewayCall() {
        assertProblem(start("not a number"), 400, "invalid-number");
        assertProblem(start("+12"), 400, "invalid-number");
        String id = startedId(freshNumber());
        assertProblem(check(id, "12ab"), 400, "invalid-code");
        assertProblem(check(id, ""), 400, "invalid-code");
        assertProblem(api.postJson("/api/verifications", "{\"number\":"), 400, "invalid-request");
        assertProblem(api.postJson("/api/verifications", "{}"), 400, "invalid-request");
        assertProblem(api.postJson("/api/verifications", "{\"number\":447700900000}"), 400, "invalid-request");
        assertProblem(api.postJson("/api/verifications", "[\"+447700900000\"]"), 400, "invalid-request");
        assertProblem(api.postJson("/api/verifications/" + id + "/check", "{\"code\":1234}"), 400, "invalid-request");
        assertThat(api.get("/api/verifications/" + id).json().get("attemptsRemaining").asInt()).isEqualTo(3);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        assertProblem(api.get("/api/verifications/0123456789abcdef0123456789abcdef"), 404, "not-found");
        assertProblem(api.get("/api/verifications/nope"), 404, "not-found");
        assertProblem(check("0123456789abcdef0123456789abcdef", "1234"), 404, "not-found");
        assertProblem(api.send("POST", "/api/verifications/%3Cscript%3E/cancel"), 404, "not-found");
    }

    @Test
    void aBarredNumberIs422NumberRejected() {
        String number = freshNumber();
        provider().barNumber(PhoneNumber.parse(number));

        ApiClient.Answer answer = start(number);

        assertProblem(answer, 422, "number-rejected");
        assertThat(answer.text("detail")).contains("barred");
    }

    @Test
    void throttlingIs429WithRetryAfter() {
        provider().throttleNext();

        ApiClient.Answer answer = start(freshNumber());

        assertProblem(answer, 429, "throttled");
        assertThat(answer.header("Retry-After")).matches("[1-9][0-9]*");
    }

    @Test
    void aProviderOutageIs503AndLeavesTheVerificationAsItWas() {
        String number = freshNumber();
        String id = startedId(number);
        provider().failNext(Operation.CHECK);

        ApiClient.Answer outage = check(id, codeSentTo(number));
        assertProblem(outage, 503, "gateway-unavailable");
        assertThat(outage.json().get("retryable").asBoolean()).isTrue();

        ApiClient.Answer after = api.get("/api/verifications/" + id);
        assertThat(after.text("state")).isEqualTo("PENDING");
        assertThat(after.json().get("attemptsRemaining").asInt()).isEqualTo(3);
        assertThat(check(id, codeSentTo(number)).text("outcome")).isEqualTo("CORRECT");
    }

    @Test
    void aFailedNextStepIs503() {
        String id = startedId(freshNumber());
        provider().failNext(Operation.ADVANCE);

        assertProblem(api.send("POST", "/api/verifications/" + id + "/next"), 503, "gateway-unavailable");
        assertThat(api.get("/api/verifications/" + id).text("channel")).isEqualTo("SMS");
    }

    @Test
    void healthNamesTheGateway() {
        ApiClient.Answer answer = api.get("/health");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("status")).isEqualTo("UP");
        assertThat(answer.text("gateway")).isEqualTo(app.injector().getInstance(AppConfig.class).gateway().configName());
    }
}
