package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.VonageV1GatewayContract;
import java.time.Duration;
import java.time.Instant;

/** The provider-neutral contract and the Verify v1 rules of verify-vonage-model, run in-process on the v1 fake. */
class FakeVerificationGatewayContractTest extends VonageV1GatewayContract {
    private final FakeClock clock = new FakeClock();
    private FakeVerificationGateway fake;

    @Override
    protected VerificationGateway createGateway(V1Timings timings) {
        fake = FakeVerificationGateway.builder().clock(clock).timings(timings).build();
        return fake;
    }

    @Override
    protected VerificationCode codeSentTo(PhoneNumber number) {
        return VerificationCode.parse(fake.lastCodeFor(number).orElseThrow());
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
