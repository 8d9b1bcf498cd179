package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify2.EmailWorkflow;
import com.vonage.client.verify2.SmsWorkflow;
import com.vonage.client.verify2.VerificationRequest;
import com.vonage.client.verify2.VerificationStatus;
import com.vonage.client.verify2.Verify2Client;
import com.vonage.client.verify2.VerifyResponseException;
import com.vonage.client.verify2.VoiceWorkflow;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Vonage Java SDK 9.3.1's {@code Verify2Client} (Basic auth, facts §3.6) against the emulator. */
class VonageSdkV2AgainstEmulatorTest {
    private static final String TO = "447700900050";

    private static VerifyEmulator emulator;
    private static Verify2Client verify;
    private static V2Client tester;

    @BeforeAll
    static void start() {
        emulator = VerifyEmulator.builder(FakeVerificationGateway.create()).credentials(V2Client.KEY, V2Client.SECRET)
                .start();
        verify = VonageClient.builder().apiKey(V2Client.KEY).apiSecret(V2Client.SECRET)
                .httpConfig(HttpConfig.builder().apiBaseUri(emulator.baseUri().toString()).timeoutMillis(5000).build())
                .build().getVerify2Client();
        tester = new V2Client(emulator.baseUri());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        tester.reset();
    }

    private static UUID startSmsThenVoice() {
        return verify.sendVerification(VerificationRequest.builder().brand("Acme")
                .addWorkflow(new SmsWorkflow(TO)).addWorkflow(new VoiceWorkflow(TO)).build()).getRequestId();
    }

    @Test
    @DisplayName("send, a wrong code (false), next workflow (the SDK's next-workflow path), the right code (COMPLETED)")
    void fullFlow() {
        UUID id = startSmsThenVoice();
        String first = tester.lastCode(TO);
        assertThat(verify.isValidVerificationCode(id, first.equals("0000") ? "1111" : "0000")).isFalse();
        verify.nextWorkflow(id);
        assertThat(tester.outbox(TO).size()).isEqualTo(2);
        assertThat(verify.checkVerificationCode(id, tester.lastCode(TO)).getStatus())
                .isEqualTo(VerificationStatus.COMPLETED);
    }

    @Test
    @DisplayName("cancel, then 404; a second start to the same number is 409 with the in-flight id")
    void cancelAndConflict() {
        UUID id = startSmsThenVoice();
        assertThatThrownBy(VonageSdkV2AgainstEmulatorTest::startSmsThenVoice)
                .isInstanceOfSatisfying(VerifyResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(409);
                    assertThat(e.getRequestId()).isEqualTo(id);
                });
        verify.cancelVerification(id);
        assertThatThrownBy(() -> verify.cancelVerification(id))
                .isInstanceOfSatisfying(VerifyResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    @DisplayName("three wrong codes: false, false, then false for the 410, and the request is gone")
    void tooManyWrongCodes() {
        UUID id = startSmsThenVoice();
        String wrong = tester.lastCode(TO).equals("0000") ? "1111" : "0000";
        assertThat(verify.isValidVerificationCode(id, wrong)).isFalse();
        assertThat(verify.isValidVerificationCode(id, wrong)).isFalse();
        assertThatThrownBy(() -> verify.checkVerificationCode(id, wrong))
                .isInstanceOfSatisfying(VerifyResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(410));
        assertThatThrownBy(() -> verify.checkVerificationCode(id, tester.lastCode(TO)))
                .isInstanceOfSatisfying(VerifyResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(404));
    }

    @Test
    @DisplayName("a custom code of letters (the SDK's code(...)) and an email-only workflow: sent as given, checked")
    void letteredCodeByEmail() {
        UUID id = verify.sendVerification(VerificationRequest.builder().brand("Acme").code("Ab12cD")
                .addWorkflow(new EmailWorkflow("sdk@example.com")).build()).getRequestId();
        assertThat(tester.lastCode("sdk@example.com")).isEqualTo("Ab12cD");
        assertThat(verify.isValidVerificationCode(id, "ab12cd")).as("case for case").isFalse();
        assertThat(verify.checkVerificationCode(id, "Ab12cD").getStatus()).isEqualTo(VerificationStatus.COMPLETED);
    }

    @Test
    @DisplayName("a brand the API refuses comes back as a 422 with the SDK's invalid parameters")
    void invalidParameters() {
        assertThatThrownBy(() -> verify.sendVerification(VerificationRequest.builder().brand("Acme/Inc")
                .addWorkflow(new SmsWorkflow(TO)).build()))
                .isInstanceOfSatisfying(VerifyResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(422);
                    assertThat(e.getInvalidParameters()).isNotEmpty();
                });
    }
}
