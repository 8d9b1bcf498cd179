package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * One SMS or voice call the fake "delivered": what the user would have received, so a test reads the code the way
 * a user would.
 *
 * @param code      the PIN in the message
 * @param text      the rendered message, with the brand ("Your Acme PIN is 1234")
 * @param requestId the request that sent it
 */
public record DeliveredMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt,
                               RequestId requestId) {
    public DeliveredMessage {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** Leaves the code and the text out, so a message printed in a log or a failed assertion reveals no PIN. */
    @Override
    public String toString() {
        return "DeliveredMessage[number=" + number + ", channel=" + channel + ", sentAt=" + sentAt
                + ", requestId=" + requestId + ", code=redacted]";
    }
}
