package dev.phoneverify.adapter.fake;

import static dev.phoneverify.core.domain.Channel.SMS;
import static dev.phoneverify.core.domain.Channel.VOICE;
import static dev.phoneverify.core.usecase.ProviderUpdate.StepStatus.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.ProviderUpdate.StepUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testers' examples in README.md and this module's README, line for line, so they keep compiling and passing. */
@ExtendWith(FakeVerificationExtension.class)
class ReadmeExampleTest {
    @Test
    void userConfirmsTheirNumber(FakeVerificationGateway gateway, FakeClock clock) {
        PhoneNumber number = PhoneNumber.parse("+447700900000");
        var request = StartRequest.of(number, new Brand("Acme"), 4, Workflow.of(SMS, VOICE, VOICE));  // workflow 1
        var started = (StartOutcome.Started) gateway.start(request);
        clock.advance(Duration.ofSeconds(125));                        // the SMS is followed by a voice call
        assertThat(gateway.outboxFor(number)).extracting(DeliveredMessage::channel).containsExactly(SMS, VOICE);
        var code = VerificationCode.parse(gateway.lastCodeFor(number).orElseThrow());
        assertThat(gateway.check(started.requestId(), code)).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    @FakeGatewayProfile(FakeProfile.V2)
    void stepsOfAVerifyV2RequestArePushed(FakeVerificationGateway gateway, FakeClock clock) {
        List<ProviderUpdate> pushed = new ArrayList<>();
        gateway.pushStatusTo(pushed::add);                               // in an app: verifications::apply
        PhoneNumber number = PhoneNumber.parse("+447700900000");
        var started = (StartOutcome.Started) gateway.start(StartRequest.of(number, new Brand("Acme"), 6,
                Workflow.of(SMS, VOICE)));
        clock.advance(Duration.ofSeconds(180));                        // channel_timeout: the call starts
        assertThat(pushed).last().isEqualTo(new StepUpdate(started.requestId(), VOICE, STARTED, clock.instant()));
        var code = VerificationCode.parse(gateway.lastCodeFor(number).orElseThrow());  // a new code per step
        assertThat(gateway.check(started.requestId(), code)).isInstanceOf(CheckOutcome.Correct.class);
    }
}
