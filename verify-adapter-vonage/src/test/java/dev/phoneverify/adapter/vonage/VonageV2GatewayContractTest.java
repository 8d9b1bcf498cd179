package dev.phoneverify.adapter.vonage;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.port.VerificationGatewayContract;
import dev.phoneverify.emulator.VerifyEmulator;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The provider-neutral gateway contract, run by the Verify v2 gateway through the real SDK over loopback HTTP against
 * the emulator's {@code /v2/verify}. Adapter and emulator share one clock, so moving time moves both.
 */
class VonageV2GatewayContractTest extends VerificationGatewayContract {
    private static FakeClock clock;
    private static VerifyEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        clock = new FakeClock();
        emulator = VerifyEmulator.builder(FakeVerificationGateway.builder().clock(clock).build())
                .credentials(V2Fixture.KEY, V2Fixture.SECRET).start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private static FakeVerificationGateway v2() {
        return emulator.v2Fake();
    }

    @Override
    protected VerificationGateway createGateway() {
        v2().reset();
        return new VonageV2VerificationGateway(VonageV2Config.builder()
                .apiKey(V2Fixture.KEY).apiSecret(V2Fixture.SECRET)
                .baseUri(emulator.baseUri())
                .timeout(Duration.ofSeconds(5))
                .clock(clock)
                .build());
    }

    @Override
    protected VerificationCode codeSentTo(PhoneNumber number) {
        return VerificationCode.parse(v2().lastCodeFor(number).orElseThrow(
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

    /** v2's ids are UUIDs (facts 2.1); any other id is not even sent. */
    @Override
    protected RequestId unknownRequestId() {
        return new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315");
    }
}
