package dev.phoneverify.app;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API on the fake gateway, as {@code main} wires it with no settings, plus the dev endpoints only it has. */
class FakeGatewayApiTest extends VerificationApiContract {

    @Override
    protected RunningApp startApp() {
        return VerifyApp.start(AppConfig.fake(0).withAbuseControls(AbuseControlPolicy.none()));
    }

    @Override
    protected FakeVerificationGateway provider() {
        return app.injector().getInstance(FakeVerificationGateway.class);
    }

    @Test
    void theOutboxShowsTheMessagesToANumberOldestFirst() {
        String number = freshNumber();
        String id = startedId(number);
        api.send("POST", "/api/verifications/" + id + "/next");

        ApiClient.Answer answer = api.get("/api/dev/outbox?number=" + number.replace("+", "%2B"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode messages = answer.json();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("number").asText()).isEqualTo(number);
        assertThat(messages.get(0).get("channel").asText()).isEqualTo("SMS");
        assertThat(messages.get(1).get("channel").asText()).isEqualTo("VOICE");
        assertThat(messages.get(0).get("code").asText()).matches("[0-9]{4}");
        assertThat(messages.get(0).get("text").asText()).contains(messages.get(0).get("code").asText());
        assertThat(Instant.parse(messages.get(0).get("sentAt").asText())).isNotNull();
        assertProblem(api.get("/api/dev/outbox?number=abc"), 400, "invalid-number");
    }

    @Test
    void theDevClockExpiresAVerificationAndALaterCheckIs409FinishedExpired() {
        String number = freshNumber();
        String id = startedId(number);

        ApiClient.Answer moved = api.postJson("/api/dev/clock", "{\"advanceSeconds\": 700}");

        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(api.get("/api/verifications/" + id).text("state")).isEqualTo("EXPIRED");
        ApiClient.Answer check = check(id, codeSentTo(number));
        assertProblem(check, 409, "finished");
        assertThat(check.text("state")).isEqualTo("EXPIRED");
        assertProblem(api.postJson("/api/dev/clock", "{\"advanceSeconds\": -5}"), 400, "invalid-request");
        assertProblem(api.postJson("/api/dev/clock", "{\"advanceSeconds\": \"300\"}"), 400, "invalid-request");
    }

    @Test
    void theAppRunsOnTheFakesClock() {
        FakeClock clock = app.injector().getInstance(FakeClock.class);
        assertThat(clock).isSameAs(provider().clock());
        Instant before = clock.instant();
        api.postJson("/api/dev/clock", "{\"advanceSeconds\": 60}");
        assertThat(Duration.between(before, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
    }
}
