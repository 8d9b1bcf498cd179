package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Incoming port for the tester's tools of a simulated gateway: what was "delivered", and a clock to move. Bound only
 * when the app runs on the fake, so the dev pages and endpoints exist only then.
 */
public interface DevConsole {

    /** Messages delivered, oldest first; to {@code number} only when given. */
    List<OutboxMessage> outbox(Optional<PhoneNumber> number);

    /** Moves the app's clock forward and returns the new time. */
    Instant advanceClock(Duration by);

    /** One delivered SMS or voice call, as the user received it. */
    record OutboxMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt) {
        public OutboxMessage {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        /** Leaves the code out, so a message printed by accident reveals no PIN. */
        @Override
        public String toString() {
            return "OutboxMessage[number=" + number + ", channel=" + channel + ", sentAt=" + sentAt + "]";
        }
    }
}
