package dev.phoneverify.app;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.app.web.DevConsole;
import dev.phoneverify.core.domain.PhoneNumber;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Adapter: the fake gateway's tester tools, offered to the web layer's dev pages. */
final class FakeDevConsole implements DevConsole {
    private final FakeVerificationGateway fake;
    private final FakeClock clock;

    @Inject
    FakeDevConsole(FakeVerificationGateway fake, FakeClock clock) {
        this.fake = fake;
        this.clock = clock;
    }

    @Override
    public List<OutboxMessage> outbox(Optional<PhoneNumber> number) {
        List<OutboxMessage> messages = new ArrayList<>();
        for (DeliveredMessage delivered : number.map(fake::outboxFor).orElseGet(fake::outbox)) {
            messages.add(new OutboxMessage(delivered.number(), delivered.channel(), delivered.code(), delivered.text(),
                    delivered.sentAt()));
        }
        return messages;
    }

    @Override
    public Instant advanceClock(Duration by) {
        return clock.advance(by).instant();
    }
}
