package dev.phoneverify.app;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.emulator.VerifyEmulator;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The app on {@code VERIFY_GATEWAY=vonage-v2} against the emulator in this JVM, whose signed callbacks go to the
 * app's webhook: both on loopback, on ports the system picks.
 *
 * <p>The two need each other's address before either starts. The emulator listens first on a port of its own; the
 * app's port is picked by binding a socket to port 0 and closing it just before the app binds it, the one moment a
 * port is free without being held.
 */
final class V2AppOnEmulator implements AutoCloseable {
    static final String KEY = "v2testkey";
    static final String SECRET = "v2-test-secret-not-real";
    static final String SIGNATURE_SECRET = "v2-signature-secret-for-tests-0123456789";
    static final String WHATSAPP_FROM = "447700900999";

    final VerifyEmulator emulator;
    final RunningApp app;
    final ApiClient api;
    private final Map<String, String> settings;

    private V2AppOnEmulator(VerifyEmulator emulator, RunningApp app, Map<String, String> settings) {
        this.emulator = emulator;
        this.app = app;
        this.api = new ApiClient(app.port());
        this.settings = settings;
    }

    /** Both running, the app on {@code workflow} with {@code channelTimeoutSeconds} per step. */
    static V2AppOnEmulator start(String workflow, int channelTimeoutSeconds) {
        return start(workflow, channelTimeoutSeconds, Map.of());
    }

    /** As above, with {@code more} settings for the app, such as its store. */
    static V2AppOnEmulator start(String workflow, int channelTimeoutSeconds, Map<String, String> more) {
        int appPort = TestDatabase.freePort();
        FakeVerificationGateway provider = FakeVerificationGateway.builder().clock(FakeClock.followingSystemTime())
                .build();
        VerifyEmulator emulator = VerifyEmulator.builder(provider).credentials(KEY, SECRET)
                .callbacks(URI.create("http://127.0.0.1:" + appPort + VonageV2Settings.DEFAULT_WEBHOOK_PATH),
                        SIGNATURE_SECRET)
                .start();
        Map<String, String> settings = new HashMap<>(Map.of(
                "VERIFY_GATEWAY", "vonage-v2",
                "VONAGE_API_KEY", KEY,
                "VONAGE_API_SECRET", SECRET,
                "VONAGE_SIGNATURE_SECRET", SIGNATURE_SECRET,
                "VONAGE_BASE_URL", emulator.baseUri().toString(),
                "VONAGE_TIMEOUT_MS", "5000",
                "VERIFY_WORKFLOW", workflow,
                "VERIFY_CHANNEL_TIMEOUT", Integer.toString(channelTimeoutSeconds),
                "VERIFY_ABUSE_CONTROLS", "off",
                "PORT", Integer.toString(appPort)));
        settings.put("VONAGE_WHATSAPP_FROM", WHATSAPP_FROM);
        settings.putAll(more);
        try {
            return new V2AppOnEmulator(emulator, VerifyApp.start(AppConfig.from(settings, new Properties())),
                    settings);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** One more app instance with the same settings on a port of its own; it is not the emulator's target. */
    RunningApp startAnotherInstance() {
        Map<String, String> another = new HashMap<>(settings);
        another.put("PORT", "0");
        return VerifyApp.start(AppConfig.from(another, new Properties()));
    }

    /** The provider's request id of flow {@code id}, for a test that forges callbacks about it. */
    RequestId requestIdOf(String id) {
        return app.injector().getInstance(FindVerification.class).find(new FlowId(id)).orElseThrow().requestId();
    }

    /** The codes the emulator delivered to {@code number} on {@code channel}, oldest first. */
    List<String> codesSent(String number, Channel channel) {
        return emulator.v2Fake().outboxFor(PhoneNumber.parse(number)).stream()
                .filter(message -> message.channel() == channel).map(DeliveredMessage::code).toList();
    }

    /** Moves the emulator's clock, as {@code POST /_emulator/clock} does; steps and expiries happen before it returns. */
    void advanceEmulatorClock(int seconds) {
        ApiClient emulatorApi = new ApiClient(emulator.port());
        ApiClient.Answer moved = emulatorApi.post("/_emulator/clock?advanceSeconds=" + seconds, null, "");
        if (moved.status() != 200) {
            throw new AssertionError("the emulator's clock did not move: " + moved);
        }
    }

    @Override
    public void close() {
        app.close();
        emulator.close();
    }
}
