package dev.phoneverify.adapter.vonage.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTCreator;
import com.auth0.jwt.algorithms.Algorithm;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.store.InMemoryTokenReplayStore;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.ProviderUpdate.EndStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.RequestEnded;
import dev.phoneverify.core.usecase.ProviderUpdate.StepStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.StepUpdate;
import dev.phoneverify.core.usecase.UpdateResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The callback intake on its own: what each callback is answered, and which updates reach the core. */
class VonageVerifyWebhookTest {
    private static final String SECRET = "signature-secret-of-the-account-0123456789";
    private static final String API_KEY = "abcd1234";
    private static final Instant NOW = Instant.parse("2031-05-04T10:00:00Z");
    private static final String REQUEST = "c11236f4-00bf-4b89-84ba-88b25df97315";
    private static final String SMS_EXPIRED = "{\"request_id\":\"" + REQUEST + "\",\"triggered_at\":"
            + "\"2031-05-04T09:57:00.000Z\",\"type\":\"event\",\"channel\":\"sms\",\"status\":\"expired\","
            + "\"finalized_at\":\"2031-05-04T09:59:59.500Z\"}";

    private final List<ProviderUpdate> applied = new ArrayList<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private UpdateResult.Outcome answer = UpdateResult.Outcome.APPLIED;
    private final ApplyProviderStatus core = update -> {
        if (storeDown.get()) {
            throw new StoreUnavailableException("the flow store could not read: connection refused", null);
        }
        applied.add(update);
        return answer == UpdateResult.Outcome.UNKNOWN_REQUEST
                ? new UpdateResult(answer, Optional.empty())
                : new UpdateResult(answer, Optional.of(VerificationFlow.started(FlowId.random(),
                        PhoneNumber.parse("447700900001"), update.requestId(), Channel.SMS, NOW,
                        NOW.plusSeconds(600), VerificationPolicy.defaults())));
    };
    private final InMemoryTokenReplayStore replays = InMemoryStores.tokenReplays();
    private final WebhookSettings settings = WebhookSettings.of(SECRET, Workflow.parse("sms,voice"))
            .withApiKey(API_KEY).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final List<String> logLines = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logLines.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private VonageVerifyWebhook webhook;

    @BeforeEach
    void setUp() {
        webhook = new VonageVerifyWebhook(settings, core, replays);
        Logger.getLogger(VonageVerifyWebhook.class.getName()).addHandler(handler);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(VonageVerifyWebhook.class.getName()).removeHandler(handler);
    }

    @Test
    void anExpiredStepMovesTheFlowToTheNextStep() {
        WebhookAnswer answered = receive(token(SMS_EXPIRED).sign(Algorithm.HMAC256(SECRET)), SMS_EXPIRED);

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.body()).isEmpty();
        Instant at = Instant.parse("2031-05-04T09:59:59.500Z");
        assertThat(applied).containsExactly(
                new StepUpdate(new RequestId(REQUEST), Channel.SMS, StepStatus.EXPIRED, at),
                new StepUpdate(new RequestId(REQUEST), Channel.VOICE, StepStatus.STARTED, at));
    }

    @Test
    void theLastStepEndingStartsNothing() {
        String body = SMS_EXPIRED.replace("\"sms\"", "\"voice\"").replace("expired", "failed");

        assertThat(receive(signed(body), body).status()).isEqualTo(200);

        assertThat(applied).extracting(u -> ((StepUpdate) u).status()).containsExactly(StepStatus.FAILED);
    }

    @Test
    void eachSummaryEndingEndsTheRequest() {
        for (String status : List.of("expired", "failed", "blocked", "completed")) {
            String body = summary(status);
            assertThat(receive(signed(body), body).status()).isEqualTo(200);
        }

        assertThat(applied).extracting(u -> ((RequestEnded) u).status())
                .containsExactly(EndStatus.EXPIRED, EndStatus.FAILED, EndStatus.BLOCKED, EndStatus.COMPLETED);
    }

    @Test
    void aBlockedEventEndsTheRequestBlocked() {
        String body = SMS_EXPIRED.replace("expired", "blocked");

        receive(signed(body), body);

        assertThat(applied).extracting(ProviderUpdate::getClass).containsExactly(RequestEnded.class);
        assertThat(((RequestEnded) applied.get(0)).status()).isEqualTo(EndStatus.BLOCKED);
    }

    @Test
    void aStatusThisLibraryDoesNotKnowIsTakenWithoutAnUpdate() {
        String body = SMS_EXPIRED.replace("expired", "action_pending").replace("\"sms\"", "\"silent_auth\"");

        assertThat(receive(signed(body), body).status()).isEqualTo(200);

        assertThat(applied).isEmpty();
    }

    @Test
    void aCallbackForARequestNobodyKnowsIsAnswered200AndLogged() {
        answer = UpdateResult.Outcome.UNKNOWN_REQUEST;

        assertThat(receive(signed(SMS_EXPIRED), SMS_EXPIRED).status()).isEqualTo(200);

        assertThat(logLines).anyMatch(line -> line.contains(REQUEST) && line.contains("no flow here"));
    }

    @Test
    void noSignatureIsRefused() {
        assertRefused(webhook.receive(Optional.empty(), bytes(SMS_EXPIRED)), Forgery.NO_SIGNATURE);
        assertRefused(webhook.receive(Optional.of("Bearer "), bytes(SMS_EXPIRED)), Forgery.NO_SIGNATURE);
        assertRefused(webhook.receive(Optional.of("Basic YWJjOmRlZg=="), bytes(SMS_EXPIRED)), Forgery.NO_SIGNATURE);
    }

    @Test
    void aTokenByAnotherSecretIsRefused() {
        assertRefused(receive(token(SMS_EXPIRED).sign(Algorithm.HMAC256("the-api-secret-not-the-signature-one")),
                SMS_EXPIRED), Forgery.BAD_SIGNATURE);
    }

    @Test
    void aTokenOfAnotherAlgorithmOrNoneIsRefusedEvenWithTheRightSecret() {
        assertRefused(receive(token(SMS_EXPIRED).sign(Algorithm.HMAC512(SECRET)), SMS_EXPIRED),
                Forgery.BAD_SIGNATURE);
        assertRefused(receive(token(SMS_EXPIRED).sign(Algorithm.none()), SMS_EXPIRED), Forgery.BAD_SIGNATURE);
        assertRefused(receive("not.a-jwt", SMS_EXPIRED), Forgery.BAD_SIGNATURE);
    }

    @Test
    void aChangedBodyIsRefused() {
        String token = signed(SMS_EXPIRED);

        assertRefused(receive(token, SMS_EXPIRED.replace("expired", "completed")), Forgery.BODY_CHANGED);
        assertRefused(receive(token, SMS_EXPIRED + "\n"), Forgery.BODY_CHANGED);
    }

    @Test
    void aTokenOlderThanTheAllowedAgeIsRefused() {
        String stale = token(SMS_EXPIRED).withIssuedAt(NOW.minus(Duration.ofMinutes(5)).minusSeconds(1))
                .sign(Algorithm.HMAC256(SECRET));
        String justInTime = token(SMS_EXPIRED).withIssuedAt(NOW.minus(Duration.ofMinutes(5)))
                .sign(Algorithm.HMAC256(SECRET));

        assertRefused(receive(stale, SMS_EXPIRED), Forgery.TOO_OLD);
        assertThat(receive(justInTime, SMS_EXPIRED).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutIssueTimeIsRefused() {
        String undated = JWT.create().withJWTId(UUID.randomUUID().toString()).withIssuer("Vonage")
                .withClaim("api_key", API_KEY).withClaim("payload_hash", TokenCheck.sha256Hex(bytes(SMS_EXPIRED)))
                .sign(Algorithm.HMAC256(SECRET));

        assertRefused(receive(undated, SMS_EXPIRED), Forgery.TOO_OLD);
    }

    @Test
    void aTokenFromTheFutureIsRefusedBeyondTheSkew() {
        String ahead = token(SMS_EXPIRED).withIssuedAt(NOW.plusSeconds(31)).sign(Algorithm.HMAC256(SECRET));
        String withinSkew = token(SMS_EXPIRED).withIssuedAt(NOW.plusSeconds(30)).sign(Algorithm.HMAC256(SECRET));

        assertRefused(receive(ahead, SMS_EXPIRED), Forgery.ISSUED_IN_THE_FUTURE);
        assertThat(receive(withinSkew, SMS_EXPIRED).status()).isEqualTo(200);
    }

    @Test
    void aTokenNotIssuedByVonageIsRefused() {
        assertRefused(receive(token(SMS_EXPIRED).withIssuer("Vonage-ish").sign(Algorithm.HMAC256(SECRET)),
                SMS_EXPIRED), Forgery.NOT_FROM_VONAGE);
    }

    @Test
    void aTokenForAnotherAccountIsRefused() {
        assertRefused(receive(token(SMS_EXPIRED).withClaim("api_key", "other999").sign(Algorithm.HMAC256(SECRET)),
                SMS_EXPIRED), Forgery.OTHER_ACCOUNT);
    }

    @Test
    void aTokenUsedTwiceIsRefusedTheSecondTime() {
        String token = signed(SMS_EXPIRED);

        assertThat(receive(token, SMS_EXPIRED).status()).isEqualTo(200);
        assertThat(applied).hasSize(2);
        applied.clear();

        assertRefused(receive(token, SMS_EXPIRED), Forgery.REPLAYED);
    }

    @Test
    void aReplayToAnotherInstanceSharingTheStoreIsRefused() {
        String token = signed(SMS_EXPIRED);
        receive(token, SMS_EXPIRED);
        applied.clear();

        VonageVerifyWebhook other = new VonageVerifyWebhook(settings, core, replays);

        assertRefused(other.receive(Optional.of("Bearer " + token), bytes(SMS_EXPIRED)), Forgery.REPLAYED);
    }

    @Test
    void aTokenWithoutIdIsRefused() {
        String anonymous = JWT.create().withIssuedAt(NOW).withIssuer("Vonage").withClaim("api_key", API_KEY)
                .withClaim("payload_hash", TokenCheck.sha256Hex(bytes(SMS_EXPIRED))).sign(Algorithm.HMAC256(SECRET));

        assertRefused(receive(anonymous, SMS_EXPIRED), Forgery.REPLAYED);
    }

    @Test
    void eitherSecretPassesDuringARotation() {
        WebhookSettings rotating = new WebhookSettings(List.of("new-secret-0123456789abcdef", SECRET),
                Optional.of(API_KEY), settings.maxAge(), settings.clockSkew(), settings.workflow(),
                settings.maxBodyBytes(), settings.clock());
        VonageVerifyWebhook rotated = new VonageVerifyWebhook(rotating, core, replays);

        assertThat(rotated.receive(Optional.of("Bearer " + signed(SMS_EXPIRED)), bytes(SMS_EXPIRED)).status())
                .isEqualTo(200);
        assertThat(rotated.receive(Optional.of("Bearer " + token(SMS_EXPIRED)
                .sign(Algorithm.HMAC256("new-secret-0123456789abcdef"))), bytes(SMS_EXPIRED)).status())
                .isEqualTo(200);
    }

    @Test
    void aSignedBodyThatIsNotACallbackIs400() {
        for (String body : List.of("not json", "[]", "{\"type\":\"event\"}",
                "{\"request_id\":\"" + REQUEST + "\",\"type\":\"other\"}",
                SMS_EXPIRED.replace("2031-05-04T09:59:59.500Z", "2031-05-04 09:59:59"))) {
            WebhookAnswer answered = receive(signed(body), body);
            assertThat(answered.status()).as(body).isEqualTo(400);
            assertThat(answered.contentType()).contains(WebhookAnswer.PROBLEM_MEDIA_TYPE);
        }
        assertThat(applied).isEmpty();
    }

    @Test
    void anOversizedBodyIs413BeforeAnythingIsChecked() {
        String body = "{\"pad\":\"" + "x".repeat(WebhookSettings.DEFAULT_MAX_BODY_BYTES) + "\"}";

        assertThat(webhook.receive(Optional.empty(), bytes(body)).status()).isEqualTo(413);
    }

    @Test
    void whenTheStoreIsDownTheAnswerIs503AndTheSameTokenIsTakenLater() {
        String token = signed(SMS_EXPIRED);
        storeDown.set(true);

        WebhookAnswer down = receive(token, SMS_EXPIRED);

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.retryAfter()).contains(3);
        storeDown.set(false);
        assertThat(receive(token, SMS_EXPIRED).status()).isEqualTo(200);
        assertThat(applied).hasSize(2);
    }

    @Test
    void refusalsAreLoggedOnOneLineWithoutTokenOrSecret() {
        String token = token(SMS_EXPIRED).sign(Algorithm.HMAC256("wrong-secret"));
        String good = signed(SMS_EXPIRED);
        receive(token, SMS_EXPIRED);
        receive(good, SMS_EXPIRED);
        receive(good, SMS_EXPIRED);

        assertThat(logLines).hasSize(3);
        assertThat(logLines).allSatisfy(line -> {
            assertThat(line).doesNotContain(token).doesNotContain(good).doesNotContain(SECRET)
                    .doesNotContain("wrong-secret").doesNotContain("\n");
            assertThat(line).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        });
        assertThat(logLines.get(0)).contains("not signed with this account's signature secret");
        assertThat(logLines.get(2)).contains("used before");
    }

    @Test
    void theAnswerIsAProblemDocument() {
        WebhookAnswer refused = webhook.receive(Optional.empty(), bytes(SMS_EXPIRED));

        assertThat(refused.body()).isEqualTo("{\"type\":\"/problems/webhook-unsigned\",\"title\":\"Callback refused\","
                + "\"status\":401,\"detail\":\"the callback carries no Authorization: Bearer token\"}");
    }

    @Test
    void theSettingsNeverShowTheSecret() {
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    private void assertRefused(WebhookAnswer answered, Forgery forgery) {
        assertThat(answered.status()).isEqualTo(401);
        assertThat(answered.problem()).map(WebhookAnswer.Problem::type).contains("/problems/" + forgery.slug());
        assertThat(answered.contentType()).contains(WebhookAnswer.PROBLEM_MEDIA_TYPE);
        assertThat(applied).isEmpty();
    }

    private WebhookAnswer receive(String token, String body) {
        return webhook.receive(Optional.of("Bearer " + token), bytes(body));
    }

    private static String signed(String body) {
        return token(body).sign(Algorithm.HMAC256(SECRET));
    }

    /** A token as Vonage makes one for {@code body}, issued now; tests change one claim. */
    private static JWTCreator.Builder token(String body) {
        return JWT.create().withIssuedAt(NOW).withJWTId(UUID.randomUUID().toString()).withIssuer("Vonage")
                .withClaim("api_key", API_KEY).withClaim("payload_hash", TokenCheck.sha256Hex(bytes(body)));
    }

    private static String summary(String status) {
        return "{\"request_id\":\"" + REQUEST + "\",\"submitted_at\":\"2031-05-04T09:50:00.000Z\",\"status\":\""
                + status + "\",\"type\":\"summary\",\"channel_timeout\":180,\"workflow\":[{\"channel\":\"sms\","
                + "\"initiated_at\":\"2031-05-04T09:50:00.000Z\",\"status\":\"expired\"},{\"channel\":\"voice\","
                + "\"status\":\"unused\"}],\"finalized_at\":\"2031-05-04T09:59:00.000Z\"}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
