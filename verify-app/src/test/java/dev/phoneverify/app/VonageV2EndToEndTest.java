package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.phoneverify.core.domain.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole v2 loop on loopback: the app on {@code vonage-v2} starts requests on the emulator, the emulator's signed
 * callbacks reach the app's webhook, and the flow's state changes in {@code GET /api/verifications/{id}}. Forged
 * callbacks are posted by the test itself, about a real flow, and change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VonageV2EndToEndTest {
    private static final int STEP_SECONDS = 60;
    private static final Duration CALLBACK_WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    private V2AppOnEmulator both;

    @BeforeAll
    void start() {
        both = V2AppOnEmulator.start("sms,voice", STEP_SECONDS);
    }

    @AfterAll
    void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void aTimedOutStepMovesTheFlowToACallThenTheLastStepEndsItExpired() {
        String id = startFlow(newNumber());
        assertThat(flow(id).text("channel")).isEqualTo("SMS");

        both.advanceEmulatorClock(STEP_SECONDS);
        await().atMost(CALLBACK_WAIT).until(() -> "VOICE".equals(flow(id).text("channel")));
        assertThat(flow(id).text("state")).isEqualTo("PENDING");

        both.advanceEmulatorClock(STEP_SECONDS);
        await().atMost(CALLBACK_WAIT).until(() -> "EXPIRED".equals(flow(id).text("state")));
        assertThat(flow(id).text("endReason")).isEqualTo("EXPIRED_AT_PROVIDER");
    }

    @Test
    void threeWrongCodesFailTheFlowAndTheSummaryChangesNothingAfter() {
        String number = newNumber();
        String id = startFlow(number);
        String wrong = both.codesSent(number, Channel.SMS).get(0).equals("0000") ? "1111" : "0000";

        assertThat(check(id, wrong).text("outcome")).isEqualTo("WRONG_CODE");
        assertThat(check(id, wrong).text("outcome")).isEqualTo("WRONG_CODE");
        assertThat(check(id, wrong).text("outcome")).isEqualTo("TOO_MANY_ATTEMPTS");

        await().atMost(CALLBACK_WAIT).until(() -> both.emulator.callbackAttempts().stream()
                .anyMatch(attempt -> attempt.type().equals("summary") && attempt.status() == 200
                        && attempt.requestId().equals(both.requestIdOf(id).value())));
        ApiClient.Answer after = flow(id);
        assertThat(after.text("state")).isEqualTo("FAILED");
        assertThat(after.text("endReason")).isEqualTo("TOO_MANY_WRONG_CODES");
    }

    @Test
    void aFailedSummaryEndsAFlowTheAppStillThinksPending() {
        String id = startFlow(newNumber());
        String body = summary(both.requestIdOf(id).value(), "failed");

        assertThat(postCallback("Bearer " + signed(body), body).status()).isEqualTo(200);

        assertThat(flow(id).text("state")).isEqualTo("FAILED");
        assertThat(flow(id).text("endReason")).isEqualTo("FAILED_AT_PROVIDER");
    }

    @Test
    void aBlockedSummaryEndsTheFlowBlocked() {
        String id = startFlow(newNumber());
        String body = summary(both.requestIdOf(id).value(), "blocked");

        assertThat(postCallback("Bearer " + signed(body), body).status()).isEqualTo(200);

        assertThat(flow(id).text("endReason")).isEqualTo("BLOCKED_BY_PROVIDER");
    }

    @Test
    void aDuplicateOrLateCallbackChangesNothing() {
        String id = startFlow(newNumber());
        String requestId = both.requestIdOf(id).value();
        String expired = summary(requestId, "expired");
        assertThat(postCallback("Bearer " + signed(expired), expired).status()).isEqualTo(200);

        String again = summary(requestId, "expired");
        String late = event(requestId, "sms", "expired");
        assertThat(postCallback("Bearer " + signed(again), again).status()).isEqualTo(200);
        assertThat(postCallback("Bearer " + signed(late), late).status()).isEqualTo(200);

        assertThat(flow(id).text("state")).isEqualTo("EXPIRED");
        assertThat(flow(id).text("channel")).isEqualTo("SMS");
    }

    @Test
    void aCallbackForARequestThisAppDoesNotKnowIsAnswered200() {
        String body = summary(UUID.randomUUID().toString(), "expired");

        assertThat(postCallback("Bearer " + signed(body), body).status()).isEqualTo(200);
    }

    @Test
    void theWebhookNeedsNoFormTokenButAFormPostStillDoes() {
        String body = summary(UUID.randomUUID().toString(), "completed");

        assertThat(postCallback("Bearer " + signed(body), body).status()).isEqualTo(200);
        assertThat(both.api.post("/verify", "application/x-www-form-urlencoded", "number=%2B447700900001").status())
                .isEqualTo(403);
    }

    @Test
    void anUnsignedCallbackIsRefused() {
        assertForgeryRefused(body -> null, "webhook-unsigned");
    }

    @Test
    void aCallbackSignedWithTheApiSecretIsRefused() {
        assertForgeryRefused(body -> "Bearer " + token(body).sign(Algorithm.HMAC256(V2AppOnEmulator.SECRET)),
                "webhook-bad-signature");
    }

    @Test
    void aCallbackWithAChangedBodyIsRefused() {
        String id = startFlow(newNumber());
        String requestId = both.requestIdOf(id).value();
        String signedFor = summary(requestId, "completed");
        String sent = summary(requestId, "expired");

        ApiClient.Answer answer = postCallback("Bearer " + signed(signedFor), sent);

        assertRefused(answer, "webhook-body-changed");
        assertThat(flow(id).text("state")).isEqualTo("PENDING");
    }

    @Test
    void aTokenOlderThanFiveMinutesIsRefused() {
        assertForgeryRefused(body -> "Bearer " + token(body).withIssuedAt(Instant.now().minusSeconds(301))
                .sign(Algorithm.HMAC256(V2AppOnEmulator.SIGNATURE_SECRET)), "webhook-token-too-old");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        assertForgeryRefused(body -> "Bearer " + token(body).withIssuedAt(Instant.now().plusSeconds(120))
                .sign(Algorithm.HMAC256(V2AppOnEmulator.SIGNATURE_SECRET)), "webhook-token-from-the-future");
    }

    @Test
    void aTokenNotIssuedByVonageIsRefused() {
        assertForgeryRefused(body -> "Bearer " + token(body).withIssuer("attacker")
                .sign(Algorithm.HMAC256(V2AppOnEmulator.SIGNATURE_SECRET)), "webhook-wrong-issuer");
    }

    @Test
    void aReplayedTokenIsRefused() {
        String id = startFlow(newNumber());
        String requestId = both.requestIdOf(id).value();
        String smsOver = event(requestId, "sms", "expired");
        String token = signed(smsOver);
        assertThat(postCallback("Bearer " + token, smsOver).status()).isEqualTo(200);
        assertThat(flow(id).text("channel")).isEqualTo("VOICE");

        ApiClient.Answer replayed = postCallback("Bearer " + token, smsOver);

        assertRefused(replayed, "webhook-token-replayed");
        assertThat(flow(id).text("state")).isEqualTo("PENDING");
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        String body = "{\"pad\":\"" + "x".repeat(20_000) + "\"}";

        ApiClient.Answer answer = postCallback("Bearer " + signed(body), body);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    /** A summary that would end a real pending flow, posted with the forged authorization: refused, no change. */
    private void assertForgeryRefused(UnaryOperator<String> authorizationFor, String problem) {
        String id = startFlow(newNumber());
        String body = summary(both.requestIdOf(id).value(), "expired");

        assertRefused(postCallback(authorizationFor.apply(body), body), problem);

        ApiClient.Answer after = flow(id);
        assertThat(after.text("state")).isEqualTo("PENDING");
        assertThat(after.json().has("endReason")).isFalse();
    }

    private static void assertRefused(ApiClient.Answer answer, String problem) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/" + problem);
    }

    private String startFlow(String number) {
        ApiClient.Answer started = both.api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        return started.text("id");
    }

    private ApiClient.Answer flow(String id) {
        return both.api.get("/api/verifications/" + id);
    }

    private ApiClient.Answer check(String id, String code) {
        return both.api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    private ApiClient.Answer postCallback(String authorization, String body) {
        return ForgedCallbacks.post(both.api, authorization, body);
    }

    private static String newNumber() {
        return "+4477009" + String.format("%05d", NUMBERS.incrementAndGet());
    }

    private static String signed(String body) {
        return ForgedCallbacks.signed(body);
    }

    private static JWTCreator.Builder token(String body) {
        return ForgedCallbacks.token(body);
    }

    private static String summary(String requestId, String status) {
        return ForgedCallbacks.summary(requestId, status, STEP_SECONDS);
    }

    private static String event(String requestId, String channel, String status) {
        return ForgedCallbacks.event(requestId, channel, status);
    }
}
