package dev.phoneverify.adapter.fake;

import static dev.phoneverify.core.domain.Channel.SMS;
import static dev.phoneverify.core.domain.Channel.VOICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The testers' example in README.md and this module's README, line for line, so it keeps compiling and passing. */
@ExtendWith(FakeVerificationExtension.class)
class ReadmeExampleTest {
    @Test
    void userConfirmsTheirNumber(FakeVerificationGateway gateway, FakeClock clock) {
        PhoneNumber number = PhoneNumber.parse("+447700900000");
        var started = (StartOutcome.Started) gateway.start(new StartRequest(number, new Brand("Acme"), 4));
        clock.advance(Duration.ofSeconds(125));                        // the SMS is followed by a voice call
        assertThat(gateway.outboxFor(number)).extracting(DeliveredMessage::channel).containsExactly(SMS, VOICE);
        var code = VerificationCode.parse(gateway.lastCodeFor(number).orElseThrow());
        assertThat(gateway.check(started.requestId(), code)).isInstanceOf(CheckOutcome.Correct.class);
    }
}
