package dev.phoneverify.app;

import static dev.phoneverify.app.VerificationApiContract.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.store.InMemoryStores;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /api/verifications} with an {@code Idempotency-Key}: a retry answers the same verification and sends
 * nothing more, another body with the key is a 422, a retry during the first start waits for it or is a 409, and a
 * malformed key is a 400. Runs on the fake, whose outbox counts what was sent.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IdempotencyKeyOverHttpTest {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(300_000);

    private final FakeVerificationGateway fake =
            FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime()).build();
    private final HeldStarts gateway = new HeldStarts(fake);
    private final WatchedKeys keys = new WatchedKeys(InMemoryStores.idempotencyKeys(fake.clock()));
    private RunningApp app;
    private ApiClient api;

    @AfterEach
    void stopApp() {
        gateway.release();
        if (app != null) {
            app.close();
        }
    }

    private void startApp(Duration idempotencyWait) {
        AppConfig config = AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none());
        Module test = new AbstractModule() {
            @Override
            protected void configure() {
                bind(VerificationGateway.class).toInstance(gateway);
                bind(IdempotencyStore.class).toInstance(keys);
                bind(Duration.class).annotatedWith(Names.named(CoreModule.IDEMPOTENCY_WAIT))
                        .toInstance(idempotencyWait);
            }
        };
        List<Module> modules = List.of(Modules.override(new CoreModule(config), new WebModule(),
                VerifyApp.storeModule(config), new FakeGatewayModule(fake)).with(test));
        app = VerifyApp.start(config, modules);
        api = new ApiClient(app.port());
    }

    private static String freshNumber() {
        return "+447700" + NEXT_NUMBER.incrementAndGet();
    }

    private static String body(String number) {
        return "{\"number\":\"" + number + "\"}";
    }

    private HttpRequest startWithKey(String key, String number) {
        return api.request("/api/verifications").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body(number))).build();
    }

    private int messagesTo(String number) {
        return fake.outboxFor(PhoneNumber.parse(number)).size();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheSameVerificationAndSendsNoSecondCode() {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();

        ApiClient.Answer first = api.send(startWithKey("\"order-42-attempt\"", number));
        ApiClient.Answer retry = api.send(startWithKey("\"order-42-attempt\"", number));

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.text("id")).isEqualTo(first.text("id"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(messagesTo(number)).isEqualTo(1);
    }

    @Test
    void aBareKeyIsTheSameKeyAsItsQuotedForm() {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();

        ApiClient.Answer quoted = api.send(startWithKey("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", number));
        ApiClient.Answer bare = api.send(startWithKey("8e03978e-40d5-43e8-bc93-6894a57f9324", number));

        assertThat(bare.text("id")).isEqualTo(quoted.text("id"));
        assertThat(messagesTo(number)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndSendsNothing() {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();
        String other = freshNumber();
        api.send(startWithKey("\"reused-key\"", number));

        ApiClient.Answer reused = api.send(startWithKey("\"reused-key\"", other));

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(messagesTo(other)).isZero();
        assertThat(messagesTo(number)).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstStartRunsIs409WhenTheWaitIsOverAndNothingIsSentTwice() throws Exception {
        startApp(Duration.ZERO);
        String number = freshNumber();
        gateway.holdNextStart();
        CompletableFuture<ApiClient.Answer> first =
                CompletableFuture.supplyAsync(() -> api.send(startWithKey("\"slow-start\"", number)));
        gateway.awaitHeld();

        ApiClient.Answer retry = api.send(startWithKey("\"slow-start\"", number));
        gateway.release();

        assertProblem(retry, 409, "idempotency-key-in-progress");
        assertThat(retry.header("Retry-After")).isNotBlank();
        ApiClient.Answer done = first.get(20, TimeUnit.SECONDS);
        assertThat(done.status()).as(done.toString()).isEqualTo(201);
        ApiClient.Answer later = api.send(startWithKey("\"slow-start\"", number));
        assertThat(later.text("id")).isEqualTo(done.text("id"));
        assertThat(messagesTo(number)).isEqualTo(1);
    }

    @Test
    void aRetryWhileTheFirstStartRunsWaitsForItAndAnswersItsVerification() throws Exception {
        startApp(Duration.ofSeconds(20));
        String number = freshNumber();
        gateway.holdNextStart();
        CompletableFuture<ApiClient.Answer> first =
                CompletableFuture.supplyAsync(() -> api.send(startWithKey("\"waited-for\"", number)));
        gateway.awaitHeld();
        CompletableFuture<ApiClient.Answer> retry =
                CompletableFuture.supplyAsync(() -> api.send(startWithKey("\"waited-for\"", number)));

        keys.awaitRunningSeen();
        gateway.release();

        ApiClient.Answer firstAnswer = first.get(20, TimeUnit.SECONDS);
        ApiClient.Answer retryAnswer = retry.get(20, TimeUnit.SECONDS);
        assertThat(firstAnswer.status()).as(firstAnswer.toString()).isEqualTo(201);
        assertThat(retryAnswer.status()).as(retryAnswer.toString()).isEqualTo(201);
        assertThat(retryAnswer.text("id")).isEqualTo(firstAnswer.text("id"));
        assertThat(messagesTo(number)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "\"unterminated\\\"", "\"bad \\escape\""})
    void aMalformedKeyIs400AndSendsNothing(String key) {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();

        assertProblem(api.send(startWithKey(key, number)), 400, "invalid-idempotency-key");
        assertThat(messagesTo(number)).isZero();
    }

    @Test
    void aKeyOfMoreThan255CharactersIs400AndOneOf255IsTaken() {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();

        assertProblem(api.send(startWithKey("k".repeat(256), number)), 400, "invalid-idempotency-key");
        assertThat(messagesTo(number)).isZero();
        assertThat(api.send(startWithKey("k".repeat(255), number)).status()).isEqualTo(201);
    }

    @Test
    void twoKeyHeadersAre400() {
        startApp(Duration.ofSeconds(10));
        String number = freshNumber();
        HttpRequest twice = api.request("/api/verifications").header("Content-Type", "application/json")
                .header("Idempotency-Key", "\"a\"").header("Idempotency-Key", "\"b\"")
                .POST(HttpRequest.BodyPublishers.ofString(body(number))).build();

        assertProblem(api.send(twice), 400, "invalid-idempotency-key");
        assertThat(messagesTo(number)).isZero();
    }

    /** The fake, but a start can be made to wait at the door until the test lets it through. */
    private static final class HeldStarts implements VerificationGateway {
        private final VerificationGateway provider;
        private final AtomicBoolean holdNext = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        HeldStarts(VerificationGateway provider) {
            this.provider = provider;
        }

        void holdNextStart() {
            holdNext.set(true);
        }

        void awaitHeld() throws InterruptedException {
            assertThat(held.await(10, TimeUnit.SECONDS)).as("the first start reached the provider").isTrue();
        }

        void release() {
            released.countDown();
        }

        @Override
        public GatewayCapabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public StartOutcome start(StartRequest request) {
            if (holdNext.compareAndSet(true, false)) {
                held.countDown();
                try {
                    if (!released.await(20, TimeUnit.SECONDS)) {
                        throw new GatewayException(GatewayException.Reason.TIMEOUT, "the test never released it");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new GatewayException(GatewayException.Reason.TIMEOUT, "interrupted");
                }
            }
            return provider.start(request);
        }

        @Override
        public CheckOutcome check(RequestId requestId, VerificationCode code) {
            return provider.check(requestId, code);
        }

        @Override
        public CancelOutcome cancel(RequestId requestId) {
            return provider.cancel(requestId);
        }

        @Override
        public AdvanceOutcome advance(RequestId requestId) {
            return provider.advance(requestId);
        }

        @Override
        public RequestStatus status(RequestId requestId) {
            return provider.status(requestId);
        }
    }

    /** The app's key store, telling the test when a start found its key held by a running one. */
    private static final class WatchedKeys implements IdempotencyStore {
        private final IdempotencyStore keys;
        private final CountDownLatch runningSeen = new CountDownLatch(1);

        WatchedKeys(IdempotencyStore keys) {
            this.keys = keys;
        }

        void awaitRunningSeen() throws InterruptedException {
            assertThat(runningSeen.await(10, TimeUnit.SECONDS)).as("the retry found the start running").isTrue();
        }

        @Override
        public Claim claim(IdempotencyKey key, String fingerprint, Instant now, Instant staleBefore) {
            Claim claim = keys.claim(key, fingerprint, now, staleBefore);
            if (claim instanceof Claim.Running) {
                runningSeen.countDown();
            }
            return claim;
        }

        @Override
        public void complete(IdempotencyKey key, FlowId flow) {
            keys.complete(key, flow);
        }

        @Override
        public void release(IdempotencyKey key) {
            keys.release(key);
        }
    }
}
