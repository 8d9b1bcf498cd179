package dev.phoneverify.adapter.vonage;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.emulator.VerifyEmulator;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.VonageV1GatewayContract;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider-neutral gateway contract and the Verify v1 rules, run through the real SDK over loopback HTTP against
 * the fake module's Verify v1 emulator. Adapter and emulator share one clock, so moving time moves both.
 */
class VonageGatewayContractTest extends VonageV1GatewayContract {
    private static final String KEY = "contract-key";
    private static final String SECRET = "contract-s3cret/+&";

    private static FakeClock clock;
    private static FakeVerificationGateway fake;
    private static VerifyEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        clock = new FakeClock();
        fake = FakeVerificationGateway.builder().clock(clock).build();
        emulator = VerifyEmulator.start(fake, new InetSocketAddress("127.0.0.1", 0), KEY, SECRET);
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Override
    protected VerificationGateway createGateway(V1Timings timings) {
        fake.reset();
        return new VonageVerificationGateway(VonageConfig.builder()
                .apiKey(KEY).apiSecret(SECRET)
                .baseUri(emulator.baseUri())
                .timeout(Duration.ofSeconds(5))
                .timings(timings)
                .clock(clock)
                .build());
    }

    @Override
    protected VerificationCode codeSentTo(PhoneNumber number) {
        return VerificationCode.parse(fake.lastCodeFor(number).orElseThrow(
                () -> new AssertionError("the emulator delivered no code to " + number)));
    }

    @Override
    protected void advanceTime(Duration duration) {
        clock.advance(duration);
    }

    @Override
    protected Instant now() {
        return clock.instant();
    }
}
