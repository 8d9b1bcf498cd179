package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.emulator.VerifyEmulator;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every logger at its most verbose, a whole flow through the SDK and the emulator logs neither the API secret,
 * nor a code, nor an unmasked number; and without the adapter's guard the SDK would log the secret.
 */
class VonageLogHygieneTest {
    private static final String KEY = "hygiene-key";
    private static final String SECRET = "hygiene-S3CRET-value";
    private static final Workflow WORKFLOW_ONE = Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE);
    private static final PhoneNumber VERIFIED = PhoneNumber.parse("+447700900101");
    private static final PhoneNumber CANCELLED = PhoneNumber.parse("+447700900102");
    private static final PhoneNumber ADVANCED = PhoneNumber.parse("+447700900103");

    private final FakeClock clock = new FakeClock();
    // Fixed codes that look like no date, time or count in a log line, so finding one means it leaked.
    private final FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(clock)
            .fixedCode(VERIFIED, "739164").fixedCode(CANCELLED, "8675").fixedCode(ADVANCED, "5309").build();
    private LogCapture logs;
    private VerifyEmulator emulator;

    @BeforeEach
    void logEverything() {
        logs = LogCapture.everything();
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
    }

    @AfterEach
    void restoreLogging() {
        emulator.close();
        logs.close();
    }

    private VonageVerificationGateway gateway(boolean sdkWireLogging) {
        return new VonageVerificationGateway(VonageConfig.builder()
                .apiKey(KEY).apiSecret(SECRET)
                .baseUri(emulator.baseUri()).timeout(Duration.ofSeconds(5))
                .clock(clock).sdkWireLogging(sdkWireLogging)
                .build());
    }

    @Test
    void wholeFlowLogsNoSecretNoCodeAndNoUnmaskedNumber() {
        VonageVerificationGateway gateway = gateway(false);
        PhoneNumber verified = VERIFIED;
        PhoneNumber cancelled = CANCELLED;
        PhoneNumber advanced = ADVANCED;
        List<String> codesChecked = new ArrayList<>();

        RequestId first = started(gateway.start(StartRequest.of(verified, new Brand("Acme"), 6, WORKFLOW_ONE)));
        String right = fake.lastCodeFor(verified).orElseThrow();
        String wrong = right.equals("886644") ? "446688" : "886644";
        codesChecked.add(wrong);
        codesChecked.add(right);
        gateway.check(first, VerificationCode.parse(wrong));
        gateway.check(first, VerificationCode.parse(right));
        gateway.status(first);

        RequestId second = started(gateway.start(StartRequest.of(cancelled, new Brand("Acme"), 4, WORKFLOW_ONE)));
        gateway.cancel(second);                                   // too early
        clock.advance(Duration.ofSeconds(31));
        gateway.cancel(second);

        RequestId third = started(gateway.start(StartRequest.of(advanced, new Brand("Acme"), 4, WORKFLOW_ONE)));
        gateway.advance(third);
        gateway.status(third);
        fake.failNext(Operation.CHECK);                           // an outage is logged too
        assertThatThrownBy(() -> gateway.check(third, VerificationCode.parse("9753")))
                .isInstanceOf(GatewayException.class);
        codesChecked.add("9753");

        String log = logs.text();
        assertThat(log).as("our DEBUG lines reach the capture").contains("vonage start", "vonage check",
                "vonage cancel", "vonage advance", "vonage status", "+44******0101");
        assertThat(log).doesNotContain(SECRET, URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
        // Request ids are hex: a run of digits inside one is not a code.
        String logWithoutIds = log.replace(first.value(), "").replace(second.value(), "").replace(third.value(), "");
        for (String code : allCodes(codesChecked)) {
            assertThat(logWithoutIds).as("code %s", code).doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
        }
        for (PhoneNumber number : List.of(verified, cancelled, advanced)) {
            assertThat(log).doesNotContain(number.digits());
        }
    }

    @Test
    void withoutTheGuardTheSdkItselfLogsTheSecret() {
        VonageVerificationGateway gateway = gateway(true);
        LogCapture.unpinWireLoggers();

        gateway.start(StartRequest.of(PhoneNumber.parse("+447700900104"), new Brand("Acme"), 4, WORKFLOW_ONE));

        // This is why the adapter pins those loggers to INFO unless told otherwise.
        assertThat(logs.text()).contains(URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
    }

    private List<String> allCodes(List<String> checked) {
        List<String> codes = fake.outbox().stream().map(DeliveredMessage::code).collect(Collectors.toList());
        codes.addAll(checked);
        return codes;
    }

    private static RequestId started(StartOutcome outcome) {
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return ((StartOutcome.Started) outcome).requestId();
    }
}
