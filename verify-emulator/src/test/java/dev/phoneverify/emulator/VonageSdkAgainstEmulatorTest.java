package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.verify.CheckResponse;
import com.vonage.client.verify.ControlResponse;
import com.vonage.client.verify.SearchVerifyResponse;
import com.vonage.client.verify.VerifyClient;
import com.vonage.client.verify.VerifyDetails;
import com.vonage.client.verify.VerifyException;
import com.vonage.client.verify.VerifyResponse;
import com.vonage.client.verify.VerifyStatus;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The real Vonage SDK 9.3.1 (Verify v1) against the emulator on loopback: it sees the statuses Vonage sends. */
@SuppressWarnings("deprecation")
class VonageSdkAgainstEmulatorTest {
    private static final String KEY = "key";
    private static final String SECRET = "s3cret/+&";
    private static final String NUMBER = "447700900001";

    private static FakeVerificationGateway fake;
    private static VerifyEmulator emulator;
    private static VerifyClient verify;

    @BeforeAll
    static void startEmulator() {
        fake = FakeVerificationGateway.builder().codeSeed(42).build();
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
        verify = VonageClient.builder().apiKey(KEY).apiSecret(SECRET)
                .httpConfig(HttpConfig.builder().apiBaseUri(emulator.baseUri().toString()).timeoutMillis(5000).build())
                .build().getVerifyClient();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void forgetEarlierRequests() {
        fake.reset();
    }

    private String codeSent() {
        return fake.lastCodeFor(PhoneNumber.parse(NUMBER)).orElseThrow();
    }

    private static String wrong(String code) {
        return code.equals("0000") ? "1111" : "0000";
    }

    @Test
    @DisplayName("start, a wrong code (16) then the right code (0): facts §1.5, §1.6")
    void startWrongCodeThenRightCode() {
        VerifyResponse started = verify.verify(NUMBER, "Acme Inc");
        assertThat(started.getStatus()).isEqualTo(VerifyStatus.OK);
        assertThat(started.getRequestId()).matches("[0-9a-f]{32}");

        CheckResponse wrong = verify.check(started.getRequestId(), wrong(codeSent()));
        CheckResponse right = verify.check(started.getRequestId(), codeSent());
        CheckResponse again = verify.check(started.getRequestId(), codeSent());

        assertThat(wrong.getStatus()).isEqualTo(VerifyStatus.INVALID_CODE);
        assertThat(right.getStatus()).isEqualTo(VerifyStatus.OK);
        assertThat(right.getEventId()).isNotBlank();
        assertThat(right.getPrice()).isNotNull();
        assertThat(right.getCurrency()).isEqualTo("EUR");
        assertThat(again.getStatus()).isEqualTo(VerifyStatus.INVALID_REQUEST);
    }

    @Test
    @DisplayName("third wrong code gives 17: facts §1.6 Wrong codes")
    void thirdWrongCodeIsThrottled() {
        String requestId = verify.verify(NUMBER, "Acme Inc").getRequestId();
        String wrong = wrong(codeSent());

        verify.check(requestId, wrong);
        verify.check(requestId, wrong);

        assertThat(verify.check(requestId, wrong).getStatus()).isEqualTo(VerifyStatus.WRONG_CODE_THROTTLED);
    }

    @Test
    @DisplayName("cancel is refused (19) within 30 s and accepted after: facts §1.6 Cancel")
    void cancelAfterThirtySeconds() {
        String requestId = verify.verify(NUMBER, "Acme Inc").getRequestId();

        assertThatThrownBy(() -> verify.cancelVerification(requestId))
                .isInstanceOfSatisfying(VerifyException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(VerifyStatus.WAIT_FOR_COMPLETION));
        fake.clock().advance(Duration.ofSeconds(31));
        ControlResponse cancelled = verify.cancelVerification(requestId);

        assertThat(cancelled.getStatus()).isEqualTo(VerifyStatus.OK);
        assertThat(cancelled.getCommand()).isEqualTo(com.vonage.client.verify.VerifyControlCommand.CANCEL);
        assertThat(searchOne(requestId).getStatus()).isEqualTo(VerifyDetails.Status.CANCELLED);
    }

    @Test
    @DisplayName("trigger next moves to a voice call, and 19 at the last event: facts §1.6 trigger_next_event")
    void triggerNextEvent() {
        String requestId = verify.verify(NUMBER, "Acme Inc").getRequestId();

        ControlResponse advanced = verify.advanceVerification(requestId);
        verify.advanceVerification(requestId);

        assertThat(advanced.getStatus()).isEqualTo(VerifyStatus.OK);
        assertThat(fake.outboxFor(PhoneNumber.parse(NUMBER))).hasSize(3);
        assertThatThrownBy(() -> verify.advanceVerification(requestId))
                .isInstanceOfSatisfying(VerifyException.class,
                        e -> assertThat(e.getStatus()).isEqualTo(VerifyStatus.WAIT_FOR_COMPLETION));
    }

    @Test
    @DisplayName("search shows IN PROGRESS, then SUCCESS with the checks; unknown ids give 101: facts §1.3 Search")
    void searchFollowsTheRequest() {
        String requestId = verify.verify(NUMBER, "Acme Inc").getRequestId();

        VerifyDetails inProgress = searchOne(requestId);
        verify.check(requestId, wrong(codeSent()));
        verify.check(requestId, codeSent());
        VerifyDetails done = searchOne(requestId);
        SearchVerifyResponse unknown = verify.search("0123456789abcdef0123456789abcdef");

        assertThat(inProgress.getStatus()).isEqualTo(VerifyDetails.Status.IN_PROGRESS);
        assertThat(inProgress.getNumber()).isEqualTo(NUMBER);
        assertThat(inProgress.getDateFinalized()).isNull();
        assertThat(done.getStatus()).isEqualTo(VerifyDetails.Status.SUCCESS);
        assertThat(done.getChecks()).hasSize(2);
        assertThat(done.getDateFinalized()).isNotNull();
        assertThat(unknown.getStatus()).isEqualTo(VerifyStatus.UNKNOWN);
    }

    @Test
    @DisplayName("a second start to the same number gives 10 with the request in flight: facts §1.5, §1.6")
    void concurrentStartNamesTheRequestInFlight() {
        String first = verify.verify(NUMBER, "Acme Inc").getRequestId();

        VerifyResponse second = verify.verify(NUMBER, "Acme Inc");

        assertThat(second.getStatus()).isEqualTo(VerifyStatus.ALREADY_REQUESTED);
        assertThat(second.getRequestId()).isEqualTo(first);
    }

    @Test
    @DisplayName("a barred number gives 7 with a network and no request id: facts §1.5")
    void barredNumber() {
        fake.barNumber(PhoneNumber.parse(NUMBER));

        VerifyResponse response = verify.verify(NUMBER, "Acme Inc");

        assertThat(response.getStatus()).isEqualTo(VerifyStatus.NUMBER_BARRED);
        assertThat(response.getNetwork()).isNotBlank();
        assertThat(response.getRequestId()).isNull();
    }

    @Test
    @DisplayName("wrong credentials give 4: facts §1.5")
    void wrongCredentials() {
        VerifyClient intruder = VonageClient.builder().apiKey(KEY).apiSecret("guess")
                .httpConfig(HttpConfig.builder().apiBaseUri(emulator.baseUri().toString()).timeoutMillis(5000).build())
                .build().getVerifyClient();

        assertThat(intruder.verify(NUMBER, "Acme Inc").getStatus()).isEqualTo(VerifyStatus.INVALID_CREDENTIALS);
    }

    private static VerifyDetails searchOne(String requestId) {
        SearchVerifyResponse response = verify.search(requestId);
        assertThat(response.getStatus()).isEqualTo(VerifyStatus.OK);
        return response.getVerificationRequests().get(0);
    }
}
