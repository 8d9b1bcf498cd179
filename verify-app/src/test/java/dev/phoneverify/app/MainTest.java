package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code main} as a user runs it: a bad setting ends it with one line on stderr and exit status 2. */
class MainTest {

    @Test
    void aBadSettingPrintsOneLineAndExitsWith2() throws Exception {
        Process process = startMain(Map.of("PORT", "not-a-port"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).isEqualTo("phone-verify: PORT must be a number from 0 to 65535 (0 picks a free port),"
                + " was 'not-a-port'");
    }

    @Test
    void anUnreachableDatabasePrintsOneLineAndExitsWith2() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/verify";
        Process process = startMain(Map.of("PORT", "0", "VERIFY_STORE", "postgres", "VERIFY_DB_URL", url,
                "VERIFY_DB_USER", "verify", "VERIFY_DB_PASSWORD", "s3cret-password"));

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).startsWith("phone-verify: cannot connect to the flow database " + url + " as verify: ")
                .contains("refused")
                .doesNotContain("s3cret-password")
                .doesNotContain("\n");
    }

    @Test
    void theStartLineNamesGatewayAddressAndBrandButNoSecret() {
        try (RunningApp app = VerifyApp.start(AppConfig.fake(0))) {
            assertThat(app.summary()).isEqualTo("listening on http://127.0.0.1:" + app.port()
                    + "/ (loopback only: on the fake the outbox shows codes to anyone who can reach the port;"
                    + " VERIFY_BIND_ADDRESS changes it) with the fake gateway, brand 'phone-verify'");
        }
    }

    /** Runs {@code main} in a JVM of its own, with {@code settings} added to this process's environment. */
    private static Process startMain(Map<String, String> settings) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), VerifyApp.class.getName());
        builder.environment().putAll(settings);
        return builder.start();
    }

    /** A port nothing listens on: one that was free a moment ago. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
