package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.store.jdbc.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two app instances on one PostgreSQL, which goes away (a clean stop, or {@code kill -9} of every server process)
 * and comes back on the same port and files. Instance A is used during the outage; instance B sees no request
 * until the database is back. The first request on each instance after the restart succeeds, and the flow
 * started before the outage still has exactly the attempts it had.
 */
class DatabaseRestartOnPostgresTest {
    private static final AtomicInteger NEXT_NUMBER = new AtomicInteger(400_000);
    /** Generous: a loaded 2-core machine, not a target. The figures come from verify-bench's OutageRecovery. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);
    /** The configured wait for a connection, and a margin for the machine, as the bound of any answer during the outage. */
    private static final Duration OUTAGE_ANSWER_BOUND = DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT.plusSeconds(2);

    /** How the database goes away. */
    enum Outage {
        CLEAN_STOP(TestDatabase::stop),
        KILL_9(TestDatabase::kill);

        private final Consumer<TestDatabase> begin;

        Outage(Consumer<TestDatabase> begin) {
            this.begin = begin;
        }
    }

    @TempDir
    Path dataDirectory;

    private final FakeVerificationGateway provider =
            FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime()).build();
    private TestDatabase database;
    private RunningApp instanceA;
    private RunningApp instanceB;
    private ApiClient apiA;
    private ApiClient apiB;

    @BeforeEach
    void startTwoInstancesOnOneDatabase() {
        database = TestDatabase.start(dataDirectory);
        instanceA = startInstance();
        instanceB = startInstance();
        apiA = new ApiClient(instanceA.port());
        apiB = new ApiClient(instanceB.port());
    }

    @AfterEach
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

    @ParameterizedTest
    @EnumSource(Outage.class)
    void theFirstRequestOnEachInstanceSucceedsOnceTheDatabaseIsBackAndNoAttemptIsLost(Outage outage) {
        String number = "+447700" + NEXT_NUMBER.incrementAndGet();
        String id = started(apiA, number);
        String code = provider.lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
        String wrong = code.equals("0000") ? "1111" : "0000";
        assertThat(check(apiA, id, wrong).json().get("attemptsRemaining").asInt()).isEqualTo(2);

        outage.begin.accept(database);
        // Only instance A is asked anything during the outage: a wrong code, a right code, a read, a start.
        assertStoreUnavailableWithin(OUTAGE_ANSWER_BOUND, () -> check(apiA, id, wrong));
        assertStoreUnavailableWithin(OUTAGE_ANSWER_BOUND, () -> check(apiA, id, code));
        assertStoreUnavailableWithin(OUTAGE_ANSWER_BOUND, () -> apiA.get("/api/verifications/" + id));
        assertStoreUnavailableWithin(OUTAGE_ANSWER_BOUND,
                () -> apiA.postJson("/api/verifications", "{\"number\":\"+447700" + NEXT_NUMBER.incrementAndGet() + "\"}"));

        database.startAgain();
        Timed firstOnB = Timed.of(() -> apiB.get("/api/verifications/" + id));
        Timed firstOnA = Timed.of(() -> check(apiA, id, code));

        assertThat(firstOnB.answer.status()).as("B's first answer: %s", firstOnB.answer).isEqualTo(200);
        assertThat(firstOnB.answer.text("state")).isEqualTo("PENDING");
        assertThat(firstOnB.answer.json().get("attemptsRemaining").asInt())
                .as("the wrong code sent during the outage was not counted").isEqualTo(2);
        assertThat(firstOnA.answer.status()).as("A's first answer: %s", firstOnA.answer).isEqualTo(200);
        assertThat(firstOnA.answer.text("outcome")).isEqualTo("CORRECT");
        assertThat(apiB.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
        assertThat(firstOnB.elapsed).as("B's recovery").isLessThan(RECOVERY_BOUND);
        assertThat(firstOnA.elapsed).as("A's recovery").isLessThan(RECOVERY_BOUND);
        System.out.printf("%s: first request after the restart answered in %d ms on B (idle), %d ms on A%n",
                outage, firstOnB.elapsed.toMillis(), firstOnA.elapsed.toMillis());
    }

    /**
     * The server goes and comes straight back while neither instance is asked anything: the connections each pool
     * used a moment ago died with the old server, and the pools hand out connections without testing them first.
     */
    @ParameterizedTest
    @EnumSource(Outage.class)
    void aRestartNoRequestSawLeavesNoDeadConnectionForTheFirstRequestOnEitherInstance(Outage outage) {
        String number = "+447700" + NEXT_NUMBER.incrementAndGet();
        String id = started(apiA, number);
        String code = provider.lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
        assertThat(apiB.get("/api/verifications/" + id).status()).isEqualTo(200);

        outage.begin.accept(database);
        database.startAgain();
        ApiClient.Answer firstOnB = apiB.get("/api/verifications/" + id);
        ApiClient.Answer firstOnA = check(apiA, id, code);

        assertThat(firstOnB.status()).as("B's first answer: %s", firstOnB).isEqualTo(200);
        assertThat(firstOnB.text("state")).isEqualTo("PENDING");
        assertThat(firstOnB.json().get("attemptsRemaining").asInt()).isEqualTo(3);
        assertThat(firstOnA.status()).as("A's first answer: %s", firstOnA).isEqualTo(200);
        assertThat(firstOnA.text("outcome")).isEqualTo("CORRECT");
    }

    private RunningApp startInstance() {
        AppConfig config = AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none())
                .withPostgres(database.settings());
        List<Module> modules = List.of(new CoreModule(config), new WebModule(), VerifyApp.storeModule(config),
                new FakeGatewayModule(provider));
        return VerifyApp.start(config, modules);
    }

    private static void assertStoreUnavailableWithin(Duration bound, java.util.function.Supplier<ApiClient.Answer> request) {
        Timed timed = Timed.of(request);
        assertThat(timed.answer.status()).as(timed.answer.toString()).isEqualTo(503);
        assertThat(timed.answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(timed.answer.text("type")).isEqualTo("/problems/store-unavailable");
        assertThat(timed.answer.header("Retry-After")).isEqualTo("3");
        assertThat(timed.elapsed).as("an answer during the outage").isLessThan(bound);
    }

    private static String started(ApiClient api, String number) {
        ApiClient.Answer answer = api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }

    private static ApiClient.Answer check(ApiClient api, String id, String code) {
        return api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    /** An answer and how long it took. */
    private static final class Timed {
        final ApiClient.Answer answer;
        final Duration elapsed;

        private Timed(ApiClient.Answer answer, Duration elapsed) {
            this.answer = answer;
            this.elapsed = elapsed;
        }

        static Timed of(java.util.function.Supplier<ApiClient.Answer> request) {
            long start = System.nanoTime();
            ApiClient.Answer answer = request.get();
            return new Timed(answer, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
