package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away in the middle of verifications: requests answer 503, and nothing is lost once it is back;
 * the very first request after the restart succeeds.
 */
class DatabaseOutageOnPostgresTest {
    @TempDir
    Path dataDirectory;

    private TestDatabase database;
    private RunningApp app;
    private ApiClient api;

    @BeforeEach
    void startTheAppOnADatabase() {
        database = TestDatabase.start(dataDirectory);
        app = VerifyApp.start(AppConfig.fake(0).withPostgres(database.settings()));
        api = new ApiClient(app.port());
    }

    @AfterEach
    void stopEverything() {
        app.close();
        database.close();
    }

    @Test
    void aCheckDuringAnOutageIs503AndTheSameVerificationCompletesWhenTheDatabaseIsBack() {
        String number = "+447700300001";
        String id = startedId(number);
        String code = codeSentTo(number);

        database.stop();
        ApiClient.Answer duringOutage = check(id, code);
        assertStoreUnavailable(duringOutage);
        assertStoreUnavailable(api.get("/api/verifications/" + id));

        database.startAgain();
        ApiClient.Answer afterOutage = check(id, code);

        assertThat(afterOutage.status()).as(afterOutage.toString()).isEqualTo(200);
        assertThat(afterOutage.text("outcome")).isEqualTo("CORRECT");
        assertThat(api.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void aStartDuringAnOutageIs503BeforeAnyCodeIsSentAndWorksOnceTheDatabaseIsBack() {
        String number = "+447700300002";

        database.stop();
        // The send limits live in the database too, so the start stops there, before the provider is asked.
        assertStoreUnavailable(start(number));
        assertThat(provider().outboxFor(PhoneNumber.parse(number))).isEmpty();

        database.startAgain();
        ApiClient.Answer retried = start(number);

        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        ApiClient.Answer checked = check(retried.text("id"), codeSentTo(number));
        assertThat(checked.text("outcome")).isEqualTo("CORRECT");
    }

    private static void assertStoreUnavailable(ApiClient.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/store-unavailable");
        assertThat(answer.json().get("retryable").asBoolean()).isTrue();
        assertThat(answer.header("Retry-After")).isEqualTo("3");
    }

    private ApiClient.Answer start(String number) {
        return api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");
    }

    private String startedId(String number) {
        ApiClient.Answer answer = start(number);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.text("id");
    }

    private ApiClient.Answer check(String id, String code) {
        return api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}");
    }

    private FakeVerificationGateway provider() {
        return app.injector().getInstance(FakeVerificationGateway.class);
    }

    private String codeSentTo(String number) {
        return provider().lastCodeFor(PhoneNumber.parse(number)).orElseThrow();
    }
}
