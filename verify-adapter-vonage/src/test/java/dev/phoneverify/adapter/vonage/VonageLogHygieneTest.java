package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.emulator.VerifyEmulator;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
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
    private static final List<String> VERBOSE_LOGGERS =
            List.of("", "com.vonage", "org.apache.http", "org.apache.http.wire", "org.apache.http.headers",
                    "dev.phoneverify");

    private final FakeClock clock = new FakeClock();
    private final FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(clock).build();
    private final List<String> captured = new ArrayList<>();
    private final Map<String, Level> levelsBefore = new HashMap<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(record.getLoggerName() + " " + formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private VerifyEmulator emulator;

    @BeforeEach
    void logEverything() {
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
    }

    @AfterEach
    void restoreLogging() {
        emulator.close();
        Logger.getLogger("").removeHandler(capture);
        levelsBefore.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        // Leave the SDK's wire loggers pinned, as any adapter in this JVM would.
        SdkLogGuard.pinWireLoggersToInfo();
    }

    private VonageVerificationGateway gateway(boolean sdkWireLogging) {
        return new VonageVerificationGateway(VonageConfig.builder()
                .apiKey(KEY).apiSecret(SECRET)
                .baseUri(emulator.baseUri()).timeout(Duration.ofSeconds(5))
                .clock(clock).sdkWireLogging(sdkWireLogging)
                .build());
    }

    private String capturedLog() {
        synchronized (captured) {
            return String.join("\n", captured);
        }
    }

    @Test
    void wholeFlowLogsNoSecretNoCodeAndNoUnmaskedNumber() {
        VonageVerificationGateway gateway = gateway(false);
        PhoneNumber verified = PhoneNumber.parse("+447700900101");
        PhoneNumber cancelled = PhoneNumber.parse("+447700900102");
        PhoneNumber advanced = PhoneNumber.parse("+447700900103");
        List<String> codesChecked = new ArrayList<>();

        RequestId first = started(gateway.start(new StartRequest(verified, new Brand("Acme"), 6)));
        String right = fake.lastCodeFor(verified).orElseThrow();
        String wrong = right.equals("000000") ? "111111" : "000000";
        codesChecked.add(wrong);
        codesChecked.add(right);
        gateway.check(first, VerificationCode.parse(wrong));
        gateway.check(first, VerificationCode.parse(right));
        gateway.status(first);

        RequestId second = started(gateway.start(new StartRequest(cancelled, new Brand("Acme"), 4)));
        gateway.cancel(second);                                   // too early
        clock.advance(Duration.ofSeconds(31));
        gateway.cancel(second);

        RequestId third = started(gateway.start(new StartRequest(advanced, new Brand("Acme"), 4)));
        gateway.advance(third);
        gateway.status(third);
        fake.failNext(Operation.CHECK);                           // an outage is logged too
        assertThatThrownBy(() -> gateway.check(third, VerificationCode.parse("4321")))
                .isInstanceOf(GatewayException.class);
        codesChecked.add("4321");

        String log = capturedLog();
        assertThat(log).as("our DEBUG lines reach the capture").contains("vonage start", "vonage check",
                "vonage cancel", "vonage advance", "vonage status", "+44******0101");
        assertThat(log).doesNotContain(SECRET, URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
        for (String code : allCodes(codesChecked)) {
            assertThat(log).as("code %s", code).doesNotContainPattern("(?<![0-9])" + code + "(?![0-9])");
        }
        for (PhoneNumber number : List.of(verified, cancelled, advanced)) {
            assertThat(log).doesNotContain(number.digits());
        }
    }

    @Test
    void withoutTheGuardTheSdkItselfLogsTheSecret() {
        VonageVerificationGateway gateway = gateway(true);
        for (String name : SdkLogGuard.WIRE_LOGGERS) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }

        gateway.start(new StartRequest(PhoneNumber.parse("+447700900104"), new Brand("Acme"), 4));

        // This is why the adapter pins those loggers to INFO unless told otherwise.
        assertThat(capturedLog()).contains(URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
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
