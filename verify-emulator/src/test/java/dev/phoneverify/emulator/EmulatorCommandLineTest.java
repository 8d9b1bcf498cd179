package dev.phoneverify.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runnable emulator's command line: {@code --help}, clear messages and status 2 for bad options, a quick start. */
class EmulatorCommandLineTest {
    private static final List<String> EVERY_OPTION = List.of("--port", "--host", "--api-key", "--api-secret",
            "--callback-url", "--signature-secret", "--application-public-key", "--workflow", "--code-seed",
            "--v2-cancel-rule", "--v2-accept-earlier-codes", "--v2-busy-after-cancel", "--help");

    /** Runs the emulator's main class in a JVM of its own, as {@code java -jar} does. */
    private static Process launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process) throws Exception {
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("--help lists every option and exits 0; a bad option names the problem and exits 2")
    void helpAndBadOption() throws Exception {
        Process help = launch("--help");
        String helpText = finish(help);
        assertThat(help.exitValue()).isZero();
        EVERY_OPTION.forEach(option -> assertThat(helpText).contains(option));
        Process bad = launch("--api-key", "k", "--api-secret", "s", "--prot", "8089");
        String badText = finish(bad);
        assertThat(bad.exitValue()).isEqualTo(EmulatorMain.BAD_USAGE);
        assertThat(badText).contains("unknown option --prot").contains("usage:");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--api-secret s|--api-key is required",
        "--api-key k|--api-secret is required",
        "--api-key k --api-secret s --port 70000|--port is a whole number from 0 to 65535",
        "--api-key k --api-secret s --port x|--port is a whole number",
        "--api-key k --api-secret s --workflow 9|--workflow is a whole number from 1 to 7",
        "--api-key k --api-secret s --code-seed x|--code-seed is a whole number",
        "--api-key k --api-secret s --callback-url http://127.0.0.1:9/cb|go together",
        "--api-key k --api-secret s --port|--port needs a value",
        "--api-key k --api-key k2 --api-secret s|given twice",
        "k s|unknown option k",
    })
    @DisplayName("each bad command line is refused with a message saying what is wrong")
    void badOptions(String args, String message) {
        assertThatThrownBy(() -> EmulatorOptions.parse(args.split(" "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ftp://127.0.0.1/cb", "http://169.254.169.254/latest", "http://0.0.0.0:9/cb", "http://[fe80::1]:9/cb",
        "relative/path"})
    @DisplayName("a callback url that is not http(s), or points at a denied address, is refused at start")
    void deniedCallbackTargets(String url) {
        EmulatorSettings settings = VerifyEmulator.builder(dev.phoneverify.adapter.fake.FakeVerificationGateway
                .create()).credentials("k", "s");
        assertThatThrownBy(() -> settings.callbacks(URI.create(url), "secret"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("options take --name value and --name=value")
    void options() {
        EmulatorOptions options = EmulatorOptions.parse(new String[] {"--api-key=k", "--api-secret", "s",
                "--port=0", "--callback-url", "http://127.0.0.1:1/cb", "--signature-secret", "sig0", "--v2-cancel-rule"});
        assertThat(options.port()).isZero();
        assertThat(options.callbackUrl()).hasValue("http://127.0.0.1:1/cb");
        assertThat(options.v2CancelRule()).isTrue();
        assertThat(options.v2AcceptEarlierCodes()).isFalse();
        assertThat(options.v2BusyAfterCancelSeconds()).as("off by default").isZero();
        assertThat(options.host()).isEqualTo("127.0.0.1");
        assertThat(EmulatorOptions.parse(new String[] {"--api-key=k", "--api-secret=s", "--v2-busy-after-cancel=12"})
                .v2BusyAfterCancelSeconds()).isEqualTo(12);
        assertThatThrownBy(() -> EmulatorOptions.parse(new String[] {"--api-key=k", "--api-secret=s",
                "--v2-busy-after-cancel", "-1"})).hasMessageContaining("--v2-busy-after-cancel");
    }

    @Test
    @DisplayName("a started emulator prints one line saying where it listens and answers within a second of it")
    void startsQuickly() throws Exception {
        // The client is made first, so the measured wait is the emulator's, not this JVM's HTTP client start-up.
        HttpClient http = HttpClient.newHttpClient();
        long launched = System.nanoTime();
        Process process = launch("--port", "0", "--api-key", "k", "--api-secret", "s");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            long printed = System.nanoTime();
            assertThat(line).isNotNull().contains("listening on http://127.0.0.1:");
            Matcher port = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)").matcher(line);
            assertThat(port.find()).isTrue();
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port.group(1) + "/_emulator/outbox"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(answered - printed)).isLessThan(Duration.ofSeconds(1));
            System.out.printf("emulator start: %d ms from launch to first answer (%d ms to its line)%n",
                    (answered - launched) / 1_000_000, (printed - launched) / 1_000_000);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
