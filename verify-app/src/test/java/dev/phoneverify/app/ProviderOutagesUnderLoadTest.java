package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.emulator.VerifyEmulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fifty verifications at once through the app and the real Vonage v1 adapter, against the emulator, while the
 * provider fails in every way the fake can script: a 5xx, no answer (a timeout), a refused connection, and an
 * answer lost after the provider acted. Faults are scripted by count, each taken by whichever call comes next, so
 * the number of outage answers is exact whatever the interleaving. Each user retries an outage answer at once, as
 * its {@code retryable} says it may.
 */
class ProviderOutagesUnderLoadTest {
    private static final int FLOWS = 50;
    private static final int PER_KIND = 10;
    /** More tries than a user could need: every scripted fault taken by one user. */
    private static final int MAX_TRIES = 4 * PER_KIND + 2;
    /**
     * Far beyond any answer of the emulator, however loaded the machine: a scripted timeout closes the connection
     * at once, and a real one (50 calls queued behind the emulator's 4 threads on a busy 2-core machine took 13 s)
     * would be an outage nobody scripted, and would break the exact counts.
     */
    private static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(60);
    private static final String KEY = "loadkey1";
    private static final String SECRET = "load-secret-not-real";

    private final FakeVerificationGateway provider = FakeVerificationGateway.create();
    private final List<ApiClient.Answer> outageAnswers = new CopyOnWriteArrayList<>();
    private VerifyEmulator emulator;
    private RunningApp app;
    private ApiClient api;
    private ExecutorService users;

    @BeforeEach
    void startTheAppOnTheEmulator() {
        emulator = emulatorOn(0);
        app = VerifyApp.start(VonageGatewayApiTest.onEmulator(emulator, KEY, SECRET, PROVIDER_TIMEOUT));
        api = new ApiClient(app.port(), PROVIDER_TIMEOUT.multipliedBy(2));
        users = Executors.newFixedThreadPool(FLOWS);
    }

    @AfterEach
    void stopEverything() {
        users.shutdownNow();
        if (app != null) {
            app.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void everyFlowSurvivesScriptedFaultsUnchangedAndCompletesOnceTheyClear() throws Exception {
        List<PhoneNumber> numbers = numbers(0);
        for (int i = 0; i < PER_KIND; i++) {
            provider.failNext(Operation.START);
            provider.timeOutNext(Operation.START);
            provider.loseNextAnswer(Operation.START);
        }

        List<String> ids = allAtOnce(i -> untilAnswered(() -> start(numbers.get(i)))).stream()
                .map(answer -> {
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                    return answer.text("id");
                }).toList();

        assertOutageAnswers(3 * PER_KIND);
        // A start whose answer was lost was adopted by its retry: one code per number, never two.
        assertOneCodeEach(numbers);
        assertFlows(ids, "PENDING", 3);

        for (int i = 0; i < PER_KIND; i++) {
            provider.failNext(Operation.CHECK);
            provider.timeOutNext(Operation.CHECK);
        }
        List<ApiClient.Answer> wrong = allAtOnce(i -> untilAnswered(() -> check(ids.get(i), wrongCodeFor(numbers.get(i)))));

        assertThat(wrong).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("WRONG_CODE");
        });
        assertOutageAnswers(2 * PER_KIND);
        // One wrong code each, counted once, though a fifth of the checks failed on the way.
        assertFlows(ids, "PENDING", 2);

        for (int i = 0; i < PER_KIND; i++) {
            provider.loseNextAnswer(Operation.CHECK);
            provider.failNext(Operation.CHECK);
            provider.timeOutNext(Operation.CHECK);
        }
        List<ApiClient.Answer> right = allAtOnce(i -> untilAnswered(() -> check(ids.get(i), codeFor(numbers.get(i)))));

        assertThat(right).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.text("outcome")).as(answer.toString()).isEqualTo("CORRECT");
        });
        assertOutageAnswers(3 * PER_KIND);
        // A check whose answer was lost is reconciled through the provider's status: verified, with the one code.
        assertFlows(ids, "VERIFIED", null);
        assertOneCodeEach(numbers);
    }

    @Test
    void aRefusedConnectionAnswersEveryFlow503AndTheyAllCompleteOnceTheProviderIsBack() throws Exception {
        List<PhoneNumber> numbers = numbers(1);
        List<String> ids = allAtOnce(i -> start(numbers.get(i))).stream().map(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            return answer.text("id");
        }).toList();
        int port = emulator.port();
        emulator.close();

        List<ApiClient.Answer> refused = allAtOnce(i -> check(ids.get(i), codeFor(numbers.get(i))));

        assertThat(refused).allSatisfy(ProviderOutagesUnderLoadTest::assertRetryableOutage);
        assertFlows(ids, "PENDING", 3);
        List<ApiClient.Answer> wrongWhileDown = allAtOnce(i -> check(ids.get(i), wrongCodeFor(numbers.get(i))));
        assertThat(wrongWhileDown).allSatisfy(ProviderOutagesUnderLoadTest::assertRetryableOutage);
        assertFlows(ids, "PENDING", 3);

        emulator = emulatorOn(port);
        List<ApiClient.Answer> completed = allAtOnce(i -> check(ids.get(i), codeFor(numbers.get(i))));

        assertThat(completed).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.text("outcome")).isEqualTo("CORRECT");
        });
        assertFlows(ids, "VERIFIED", null);
        assertOneCodeEach(numbers);
    }

    private VerifyEmulator emulatorOn(int port) {
        return VerifyEmulator.start(provider, new InetSocketAddress("127.0.0.1", port), KEY, SECRET);
    }

    /** The user's request, repeated while it gets a retryable outage answer (each one kept). */
    private ApiClient.Answer untilAnswered(java.util.function.Supplier<ApiClient.Answer> request) {
        for (int i = 0; i < MAX_TRIES; i++) {
            ApiClient.Answer answer = request.get();
            if (answer.status() != 503) {
                return answer;
            }
            outageAnswers.add(answer);
        }
        throw new AssertionError("still 503 after " + MAX_TRIES + " tries");
    }

    private void assertOutageAnswers(int scripted) {
        assertThat(outageAnswers).as("one outage answer per scripted fault").hasSize(scripted)
                .allSatisfy(ProviderOutagesUnderLoadTest::assertRetryableOutage);
        outageAnswers.clear();
    }

    private static void assertRetryableOutage(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/gateway-unavailable");
        assertThat(answer.json().get("retryable").asBoolean()).as(answer.toString()).isTrue();
    }

    private void assertOneCodeEach(List<PhoneNumber> numbers) {
        SoftAssertions.assertSoftly(softly -> numbers.forEach(number -> softly.assertThat(provider.outboxFor(number))
                .as("codes sent to %s", number).hasSize(1)));
    }

    /** Each flow's state and, when given, its attempts left, as any instance's API reports them. */
    private void assertFlows(List<String> ids, String state, Integer attemptsRemaining) {
        SoftAssertions.assertSoftly(softly -> ids.forEach(id -> {
            ApiClient.Answer flow = api.get("/api/verifications/" + id);
            softly.assertThat(flow.status()).as(flow.toString()).isEqualTo(200);
            softly.assertThat(flow.text("state")).as("state of %s", id).isEqualTo(state);
            if (attemptsRemaining != null) {
                softly.assertThat(flow.json().get("attemptsRemaining").asInt()).as("attempts of %s", id)
                        .isEqualTo(attemptsRemaining);
            }
        }));
    }

    /** Runs {@code user} for each of the flows, all released at once; their answers in order. */
    private <T> List<T> allAtOnce(IntFunction<T> user) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> pending = new ArrayList<>();
        for (int i = 0; i < FLOWS; i++) {
            int index = i;
            Callable<T> call = () -> {
                go.await();
                return user.apply(index);
            };
            pending.add(users.submit(call));
        }
        go.countDown();
        List<T> answers = new ArrayList<>();
        for (Future<T> answer : pending) {
            answers.add(answer.get(10, TimeUnit.MINUTES));
        }
        return answers;
    }

    private ApiClient.Answer start(PhoneNumber number) {
        return api.postJson("/api/verifications", "{\"number\":\"" + number.e164() + "\"}");
    }

    private ApiClient.Answer check(String id, String code) {
        return api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    private String codeFor(PhoneNumber number) {
        return provider.lastCodeFor(number).orElseThrow();
    }

    private String wrongCodeFor(PhoneNumber number) {
        String code = codeFor(number);
        return code.startsWith("0") ? "1" + code.substring(1) : "0" + code.substring(1);
    }

    private static List<PhoneNumber> numbers(int wave) {
        Function<Integer, PhoneNumber> number = i -> PhoneNumber.parse(String.format("+4477009%d%04d", wave, i));
        return java.util.stream.IntStream.range(0, FLOWS).boxed().map(number).toList();
    }
}
