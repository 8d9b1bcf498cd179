package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With every logger at its most verbose (java.util.logging, where {@code System.Logger}, the SDK and the fake log,
 * at ALL; slf4j-simple, where Javalin and Jetty log, at trace), complete flows through the app on the fake and on
 * the Vonage adapter via the emulator log no code, no API secret and no unmasked number.
 *
 * <p>Runs alone in the {@code log-hygiene} surefire execution, which sets slf4j-simple to trace into a file before
 * any logger exists; other test classes would otherwise have created their loggers at the default level.
 */
class LogHygieneTest {
    private static final String KEY = "hygienekey";
    private static final String SECRET = "hygiene-Secret-9f3e1c";
    private static final List<String> VERBOSE_LOGGERS = List.of("", "dev.phoneverify", "com.vonage", "org.apache.http",
            "org.apache.http.wire", "org.apache.http.headers", "io.javalin", "org.eclipse.jetty");

    private final List<String> julLines = new ArrayList<>();
    private final Set<String> numbers = new TreeSet<>();
    private final Set<String> codes = new TreeSet<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (julLines) {
                julLines.add(record.getLoggerName() + " " + formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void everyLoggerAtItsMostVerbose() {
        assertThat(System.getProperty("org.slf4j.simpleLogger.defaultLogLevel"))
                .as("run in the log-hygiene execution, which sets slf4j-simple to trace").isEqualTo("trace");
        for (String name : VERBOSE_LOGGERS) {
            Logger.getLogger(name).setLevel(Level.ALL);
        }
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void removeCapture() {
        Logger.getLogger("").removeHandler(capture);
    }

    @Test
    void completeFlowsOnTheFakeAndOnVonageLogNoCodeSecretOrUnmaskedNumber() throws IOException {
        try (RunningApp app = VerifyApp.start(AppConfig.fake(0))) {
            runFlows(new ApiClient(app.port()), app.injector().getInstance(FakeVerificationGateway.class), "+447700901");
        }
        FakeVerificationGateway provider = FakeVerificationGateway.create();
        try (VerifyEmulator emulator = VerifyEmulator.start(provider, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
             RunningApp app = VerifyApp.start(AppConfig.from(Map.of("VERIFY_GATEWAY", "vonage", "VONAGE_API_KEY", KEY,
                     "VONAGE_API_SECRET", SECRET, "VONAGE_BASE_URL", emulator.baseUri().toString(), "PORT", "0"),
                     new Properties()))) {
            runFlows(new ApiClient(app.port()), provider, "+447700902");
        }

        String logs = capturedLogs();
        assertThat(logs).as("the capture works: the audit log and the core's debug lines are there")
                .contains("Verified").contains("dev.phoneverify.core.service.AbuseGuard");
        assertThat(logs).doesNotContain(SECRET);
        assertNoNumberOrCode(logs);
    }

    @Test
    void flowsOnVerifyV2WithTheirCallbacksLogNoCodeSecretTokenOrUnmaskedNumber() throws IOException {
        String verified = "+447700903001";
        String expired = "+447700903002";
        numbers.add(verified);
        numbers.add(expired);
        try (V2AppOnEmulator both = V2AppOnEmulator.start("sms,voice", 60)) {
            ApiClient api = both.api;
            String id = api.postJson("/api/verifications", "{\"number\":\"" + verified + "\"}").text("id");
            String code = both.codesSent(verified, Channel.SMS).get(0);
            codes.add(code);
            String wrong = code.equals("0000") ? "1111" : "0000";
            assertThat(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + wrong + "\"}")
                    .text("outcome")).isEqualTo("WRONG_CODE");
            assertThat(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}")
                    .text("outcome")).isEqualTo("CORRECT");

            String second = api.postJson("/api/verifications", "{\"number\":\"" + expired + "\"}").text("id");
            codes.add(both.codesSent(expired, Channel.SMS).get(0));
            both.advanceEmulatorClock(60);
            await().atMost(Duration.ofSeconds(20)).until(() -> both.codesSent(expired, Channel.VOICE).size() == 1
                    && "VOICE".equals(api.get("/api/verifications/" + second).text("channel")));
            codes.add(both.codesSent(expired, Channel.VOICE).get(0));
            both.advanceEmulatorClock(60);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "EXPIRED".equals(api.get("/api/verifications/" + second).text("state")));
            api.post(VonageV2Settings.DEFAULT_WEBHOOK_PATH, "application/json", "{\"forged\":true}");
        }

        String logs = capturedLogs();
        assertThat(logs).as("the capture has the callbacks").contains("Vonage Verify summary callback expired")
                .contains("refused a Vonage Verify callback");
        assertThat(logs).doesNotContain(V2AppOnEmulator.SECRET).doesNotContain(V2AppOnEmulator.SIGNATURE_SECRET)
                .as("no JWT").doesNotContain("eyJ");
        assertNoNumberOrCode(logs);
    }

    private void assertNoNumberOrCode(String logs) {
        for (String number : numbers) {
            assertThat(logs).doesNotContain(number.substring(1)).contains(PhoneNumber.parse(number).masked());
        }
        for (String code : codes) {
            assertThat(Pattern.compile("(?<![\\w.:/-])" + code + "(?![\\w:/-])").matcher(logs).find())
                    .as("code %s appears in the logs", code).isFalse();
        }
    }

    /** A verified flow (with a wrong code and a refused resend first), and a cancelled one. */
    private void runFlows(ApiClient api, FakeVerificationGateway provider, String numberPrefix) {
        String verified = numberPrefix + "001";
        String cancelled = numberPrefix + "002";
        numbers.add(verified);
        numbers.add(cancelled);

        String id = api.postJson("/api/verifications", "{\"number\":\"" + verified + "\"}").text("id");
        String code = provider.lastCodeFor(PhoneNumber.parse(verified)).orElseThrow();
        codes.add(code);
        String wrong = code.equals("0000") ? "1111" : "0000";
        assertThat(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + wrong + "\"}").status())
                .isEqualTo(200);
        assertThat(api.send("POST", "/api/verifications/" + id + "/next").status()).isEqualTo(429);
        assertThat(api.postJson("/api/verifications/" + id + "/check", "{\"code\":\"" + code + "\"}").text("outcome"))
                .isEqualTo("CORRECT");

        String second = api.postJson("/api/verifications", "{\"number\":\"" + cancelled + "\"}").text("id");
        codes.add(provider.lastCodeFor(PhoneNumber.parse(cancelled)).orElseThrow());
        provider.clock().advance(Duration.ofSeconds(31));
        assertThat(api.send("POST", "/api/verifications/" + second + "/cancel").text("state")).isEqualTo("CANCELLED");
    }

    private String capturedLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        synchronized (julLines) {
            julLines.forEach(all::append);
        }
        Path slf4jFile = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
        if (Files.exists(slf4jFile)) {
            all.append(Files.readString(slf4jFile, StandardCharsets.UTF_8));
        }
        return all.toString();
    }
}
