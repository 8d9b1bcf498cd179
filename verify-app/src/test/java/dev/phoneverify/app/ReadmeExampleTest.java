package dev.phoneverify.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.CheckResult;
import dev.phoneverify.core.service.VerificationService;
import dev.phoneverify.core.store.InMemoryFlowStore;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The README's "Embed the core" lines, run against the fake so they keep compiling and keep working. */
class ReadmeExampleTest {

    @Test
    void theEmbedExampleVerifiesANumber() {
        FakeClock fakeClock = new FakeClock();
        FakeVerificationGateway fake = FakeVerificationGateway.builder().clock(fakeClock).build();

        Clock clock = fakeClock;
        VerificationGateway vonage = fake;
        VerificationService verification = new VerificationService(
                vonage, new InMemoryFlowStore(clock), VerificationPolicy.defaults(), new Brand("Acme"), clock);

        VerificationFlow flow = verification.start(PhoneNumber.parse("+44 7700 900000"));
        String typedCode = fake.lastCodeFor(flow.number()).orElseThrow();

        CheckResult result = verification.check(flow.id(), VerificationCode.parse(typedCode));

        assertThat(result.outcome()).isEqualTo(CheckResult.Outcome.CORRECT);
        assertThat(result.flow().state()).isEqualTo(FlowState.VERIFIED);
        assertThat(fake.outboxFor(flow.number())).first()
                .satisfies(message -> assertThat(message.text()).contains("Acme").contains(typedCode));
    }
}
