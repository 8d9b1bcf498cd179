package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.port.VerificationGatewayContract;
import java.time.Duration;
import java.time.Instant;

/** The provider-neutral gateway contract, run in-process on the v2 fake. */
class FakeV2GatewayContractTest extends VerificationGatewayContract {
    private final FakeClock clock = new FakeClock();
    private FakeVerificationGateway fake;

    @Override
    protected VerificationGateway createGateway() {
        fake = FakeVerificationGateway.v2(clock);
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

    /** v2's ids are UUIDs (facts §2.1). */
    @Override
    protected RequestId unknownRequestId() {
        return new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315");
    }
}
