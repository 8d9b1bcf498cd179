package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeProfile;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The configurable v2 rules of facts §2.6, and reset, over HTTP. */
class V2OptionsOverHttpTest {
    private static final String TO = "447700900060";
    private static final String TWO_STEPS = "{\"brand\":\"Acme\",\"workflow\":[{\"channel\":\"sms\",\"to\":\"" + TO
            + "\"},{\"channel\":\"voice\",\"to\":\"" + TO + "\"}]}";

    private static VerifyEmulator emulator(FakeVerificationGateway v1, FakeVerificationGateway v2) {
        return VerifyEmulator.builder(v1).v2(v2).credentials(V2Client.KEY, V2Client.SECRET).start();
    }

    @Test
    @DisplayName("the 30 s cancel rule as an option: 409 conflict before 30 s and after the second step, 204 between")
    void cancelRule() {
        FakeVerificationGateway v1 = FakeVerificationGateway.create();
        try (VerifyEmulator emulator = emulator(v1, FakeVerificationGateway.builder(FakeProfile.V2).clock(v1.clock())
                .cancelOnlyFromThirtySeconds().build())) {
            V2Client client = new V2Client(emulator.baseUri());
            String early = V2Client.json(client.start(TWO_STEPS)).get("request_id").asText();
            HttpResponse<String> refused = client.cancel(early);
            assertThat(refused.statusCode()).isEqualTo(409);
            V2RulesOverHttpTest.assertProblem(refused, "#conflict");
            client.advance(30);
            assertThat(client.cancel(early).statusCode()).isEqualTo(204);
            String late = V2Client.json(client.start(TWO_STEPS)).get("request_id").asText();
            client.advance(31);
            client.next(late);
            assertThat(client.cancel(late).statusCode()).as("after the second step").isEqualTo(409);
        }
    }

    @Test
    @DisplayName("accepting earlier codes is an option; by default only the latest step's code verifies")
    void earlierCodes() {
        FakeVerificationGateway v1 = FakeVerificationGateway.create();
        try (VerifyEmulator emulator = emulator(v1, FakeVerificationGateway.builder(FakeProfile.V2).clock(v1.clock())
                .acceptEarlierCodes().build())) {
            V2Client client = new V2Client(emulator.baseUri());
            String id = V2Client.json(client.start(TWO_STEPS)).get("request_id").asText();
            String first = client.lastCode(TO);
            client.next(id);
            assertThat(client.check(id, first).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @DisplayName("reset forgets v2 requests and the outbox: the number is free, the old id unknown")
    void reset() {
        try (VerifyEmulator emulator = VerifyEmulator.builder(FakeVerificationGateway.create())
                .credentials(V2Client.KEY, V2Client.SECRET).start()) {
            V2Client client = new V2Client(emulator.baseUri());
            String id = V2Client.json(client.start(TWO_STEPS)).get("request_id").asText();
            client.reset();
            assertThat(client.outbox(TO).size()).isZero();
            assertThat(client.check(id, "1234").statusCode()).isEqualTo(404);
            assertThat(client.start(TWO_STEPS).statusCode()).isEqualTo(202);
        }
    }
}
