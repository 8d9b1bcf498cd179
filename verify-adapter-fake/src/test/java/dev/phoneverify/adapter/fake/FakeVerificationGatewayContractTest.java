package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.port.VerificationGatewayContract;
import java.time.Duration;

/** The core's gateway contract, run in-process against the fake. */
class FakeVerificationGatewayContractTest extends VerificationGatewayContract {
    private FakeVerificationGateway fake;

    @Override
    protected VerificationGateway createGateway() {
        fake = FakeVerificationGateway.create();
        return fake;
    }

    @Override
    protected VerificationCode codeSentTo(PhoneNumber number) {
        return VerificationCode.parse(fake.lastCodeFor(number).orElseThrow());
    }

    @Override
    protected void advanceTime(Duration duration) {
        fake.clock().advance(duration);
    }
}
