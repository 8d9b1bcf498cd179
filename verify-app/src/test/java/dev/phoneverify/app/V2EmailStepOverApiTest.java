package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.core.domain.Channel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JSON API on an {@code sms,email} workflow: a start names the address of the email step in {@code email},
 * the next step sends the code there, and that code verifies the flow. Without an address, or with a malformed
 * one, the start is refused and nothing is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V2EmailStepOverApiTest {
    private static final String NUMBER = "+447700900777";
    private static final String ADDRESS = "ada@example.com";

    private V2AppOnEmulator both;

    @BeforeAll
    void start() {
        both = V2AppOnEmulator.start("sms,email", 60, Map.of("VONAGE_EMAIL_FROM", "codes@example.com"));
    }

    @AfterAll
    void stop() {
        if (both != null) {
            both.close();
        }
    }

    @Test
    void theEmailStepSendsTheCodeToTheAddressTheStartNamed() {
        ApiClient.Answer started = both.api.postJson("/api/verifications",
                "{\"number\":\"" + NUMBER + "\",\"email\":\"" + ADDRESS + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String id = started.text("id");

        ApiClient.Answer moved = both.api.postJson("/api/verifications/" + id + "/next", "{}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("channel")).isEqualTo("EMAIL");

        List<DeliveredMessage> mails = both.emulator.v2Fake().outboxTo(ADDRESS);
        assertThat(mails).extracting(DeliveredMessage::channel).containsExactly(Channel.EMAIL);
        ApiClient.Answer checked = both.api.postJson("/api/verifications/" + id + "/check",
                "{\"code\":\"" + mails.get(0).code() + "\"}");
        assertThat(checked.text("outcome")).isEqualTo("CORRECT");
        assertThat(both.api.get("/api/verifications/" + id).text("state")).isEqualTo("VERIFIED");
    }

    @Test
    void aMalformedAddressIsA400AndSendsNothing() {
        String number = "+447700900778";
        ApiClient.Answer refused = both.api.postJson("/api/verifications",
                "{\"number\":\"" + number + "\",\"email\":\"not an address\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(both.codesSent(number, Channel.SMS)).isEmpty();
    }

    @Test
    void anEmailWorkflowWithoutAnAddressIsRefusedAndSendsNothing() {
        String number = "+447700900779";
        ApiClient.Answer refused = both.api.postJson("/api/verifications", "{\"number\":\"" + number + "\"}");

        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(both.codesSent(number, Channel.SMS)).isEmpty();
    }
}
