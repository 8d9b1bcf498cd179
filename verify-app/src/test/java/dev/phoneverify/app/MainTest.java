package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code main} as a user runs it: a bad setting ends it with one line on stderr and exit status 2. */
class MainTest {

    @Test
    void aBadSettingPrintsOneLineAndExitsWith2() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-cp", System.getProperty("java.class.path"), VerifyApp.class.getName());
        builder.environment().put("PORT", "not-a-port");
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(stderr).isEqualTo("phone-verify: PORT must be a number from 0 to 65535 (0 picks a free port),"
                + " was 'not-a-port'");
    }

    @Test
    void theStartLineNamesGatewayAddressAndBrandButNoSecret() {
        try (RunningApp app = VerifyApp.start(AppConfig.fake(0))) {
            assertThat(app.summary()).isEqualTo("listening on http://localhost:" + app.port()
                    + "/ with the fake gateway, brand 'phone-verify'");
        }
    }
}
