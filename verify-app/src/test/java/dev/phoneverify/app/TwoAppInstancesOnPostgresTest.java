package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimitPolicy;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances, each with its own injector, pool and HTTP port, keep verifications and send limits in one
 * PostgreSQL database and talk to one provider (a shared fake, as two production instances share Vonage).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoAppInstancesOnPostgresTest {
    private static final int CONCURRENT_CHECKS = 32;
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(200_000);
    /**
     * The defaults but the per-client limit: every request here comes from 127.0.0.1, so that limit would tie the
     * tests together.
     */
    private static final AbuseControlPolicy ABUSE_CONTROLS = AbuseControlPolicy.defaults()
            .withSendLimits(SendLimitPolicy.defaults().withPerClient(null));

    /** Static, so JUnit makes it before {@code @BeforeAll} runs. */
    @TempDir
    static Path dataDirectory;

    private final FakeVerificationGateway provider =
            FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime()).build();
    private TestDatabase database;
    private RunningApp instanceA;
    private RunningApp instanceB;
    private ApiClient apiA;
    private ApiClient apiB;

    @BeforeAll
    void startTwoInstancesOnOneDatabase() {
        database = TestDatabase.start(dataDirectory);
        instanceA = startInstance();
        instanceB = startInstance();
        apiA = new ApiClient(instanceA.port());
        apiB = new ApiClient(instanceB.port());
    }

    @AfterAll
    void stopEverything() {
        for (AutoCloseable running : new AutoCloseable[] {instanceA, instanceB, database}) {
            try {
                if (running != null) {
                    running.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    /** What {@code main} wires for VERIFY_STORE=postgres on the fake, with the fake both instances share. */
    private RunningApp startInstance() {
        AppConfig config = AppConfig.fake(0).withAbuseControls(ABUSE_CONTROLS).withPostgres(database.settings());
        List<Module> modules = List.of(new CoreModule(config), new WebModule(), VerifyApp.storeModule(config),
                new FakeGatewayModule(provider));
        return VerifyApp.start(config, modules);
    }

    @Test
    void aStartRetriedWithItsIdempotencyKeyOnTheOtherInstanceAnswersTheSameVerification() {
        String number = freshNumber();
        String body = "{\"number\":\"" + number + "\"}";
        ApiClient.Answer first = apiA.send(keyed(apiA, "\"two-instances\"", body));

        ApiClient.Answer retry = apiB.send(keyed(apiB, "\"two-instances\"", body));
        ApiClient.Answer reused = apiB.send(keyed(apiB, "\"two-instances\"", "{\"number\":\"" + freshNumber() + "\"}"));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(provider.outboxFor(PhoneNumber.parse(number))).hasSize(1);
        VerificationApiContract.assertProblem(reused, 422, "idempotency-key-reused");
    }

    private static HttpRequest keyed(ApiClient api, String key, String body) {
        return api.request("/api/verifications").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void aCodeSentThroughOneInstanceIsCheckedThroughTheOther() {
        String number = freshNumber();
        String id = started(apiA, number);
        JsonNode outboxOnB = apiB.get("/api/dev/outbox?number=" + number.replace("+", "%2B")).json();
        String code = outboxOnB.get(outboxOnB.size() - 1).get("code").asText();

        ApiClient.Answer checked = check(apiB, id, code);

        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.text("outcome")).isEqualTo("CORRECT");
        assertThat(apiA.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void wrongCodesThroughEitherInstanceCountAgainstTheSameAttempts() {
        String number = freshNumber();
        String id = started(apiA, number);
        String wrong = wrongCodeFor(number);

        assertThat(check(apiA, id, wrong).json().get("attemptsRemaining").asInt()).isEqualTo(2);
        assertThat(check(apiB, id, wrong).json().get("attemptsRemaining").asInt()).isEqualTo(1);
        ApiClient.Answer third = check(apiA, id, wrong);

        assertThat(third.text("outcome")).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(apiB.get("/api/verifications/" + id).text("state")).isEqualTo("FAILED");
    }

    @Test
    void thirtyTwoConcurrentCorrectChecksSplitAcrossBothInstancesAnswerCorrectOnce() {
        String number = freshNumber();
        String id = started(apiA, number);
        String code = provider.lastCodeFor(PhoneNumber.parse(number)).orElseThrow();

        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ApiClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CHECKS; i++) {
            ApiClient api = i % 2 == 0 ? apiA : apiB;
            answers.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(go);
                return check(api, id, code);
            }, command -> new Thread(command).start()));
        }
        go.countDown();
        List<ApiClient.Answer> results = answers.stream().map(CompletableFuture::join).toList();

        assertThat(results.stream().filter(answer -> answer.status() == 200)).singleElement()
                .satisfies(answer -> assertThat(answer.text("outcome")).isEqualTo("CORRECT"));
        assertThat(results.stream().filter(answer -> answer.status() != 200))
                .hasSize(CONCURRENT_CHECKS - 1)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
                    assertThat(answer.text("state")).isEqualTo("VERIFIED");
                });
        assertThat(apiB.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void aNumbersSendLimitCountsStartsThroughBothInstances() {
        String number = freshNumber();
        int limit = SendLimitPolicy.DEFAULT_PER_NUMBER.maxStarts();
        for (int i = 0; i < limit; i++) {
            ApiClient api = i % 2 == 0 ? apiA : apiB;
            String id = started(api, number);
            // A verified flow lifts the resend cooldown, so only the per-number limit stands in the way.
            assertThat(check(api, id, codeSentTo(number)).text("outcome")).isEqualTo("CORRECT");
        }
        ApiClient next = limit % 2 == 0 ? apiA : apiB;

        ApiClient.Answer refused = next.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.text("limit")).isEqualTo("PER_NUMBER");
        assertThat(provider.outboxFor(PhoneNumber.parse(number))).hasSize(limit);
    }

    private String codeSentTo(String number) {
        return provider.lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
    }

    private static String started(ApiClient api, String number) {
        ApiClient.Answer answer = api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static ApiClient.Answer check(ApiClient api, String id, String code) {
        return api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    private String wrongCodeFor(String number) {
        String code = provider.lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
        return code.equals("0000") ? "1111" : "0000";
    }

    private static String freshNumber() {
        return "+447700" + NEXT_NUMBER.incrementAndGet();
    }

    private static void awaitQuietly(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
