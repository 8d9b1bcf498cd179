package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The same API flows with {@code VERIFY_GATEWAY=vonage}: the real Vonage adapter and SDK, pointed at the fake's
 * HTTP emulator of Verify v1 on loopback.
 */
class VonageGatewayApiTest extends VerificationApiContract {
    private static final String KEY = "testkey1";
    private static final String SECRET = "test-secret-not-real";

    private FakeVerificationGateway provider;
    private VerifyEmulator emulator;

    @Override
    protected RunningApp startApp() {
        provider = FakeVerificationGateway.create();
        emulator = VerifyEmulator.start(provider, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
        return VerifyApp.start(onEmulator(emulator, KEY, SECRET, Duration.ofSeconds(5)));
    }

    /**
     * The app's settings for the Vonage gateway on {@code emulator}, abuse controls off, on any free port.
     *
     * @param timeout how long the adapter waits for the emulator's answer
     */
    static AppConfig onEmulator(VerifyEmulator emulator, String key, String secret, Duration timeout) {
        return AppConfig.from(Map.of(
                "VERIFY_GATEWAY", "vonage",
                "VONAGE_API_KEY", key,
                "VONAGE_API_SECRET", secret,
                "VONAGE_BASE_URL", emulator.baseUri().toString(),
                "VONAGE_TIMEOUT_MS", Long.toString(timeout.toMillis()),
                "PORT", "0",
                "VERIFY_ABUSE_CONTROLS", "off"), new Properties());
    }

    @Override
    protected FakeVerificationGateway provider() {
        return provider;
    }

    @Override
    protected void stopExtras() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void theStartLineNamesTheProviderButNotTheSecret() {
        assertThat(app.summary()).contains("vonage gateway at " + emulator.baseUri()).doesNotContain(SECRET);
    }

    @Test
    void theDevEndpointsDoNotExistOnVonage() {
        assertProblem(api.get("/api/dev/outbox?number=%2B447700900000"), 404, "not-found");
        assertProblem(api.postJson("/api/dev/clock", "{\"advanceSeconds\": 300}"), 404, "not-found");
        assertProblem(api.get("/dev/outbox"), 404, "not-found");
    }
}
