package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * One message the fake "delivered" (an SMS, a voice call, a WhatsApp message or an email): what the user would have
 * received, so a test reads the code the way a user would.
 *
 * @param number    the request's number; every message of a request is filed under it, emails included
 * @param code      the code in the message
 * @param text      the rendered message, with the brand ("Your Acme PIN is 1234")
 * @param requestId the request that sent it
 * @param to        where it went: the number's digits, or the email address of an email step
 */
public record DeliveredMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt,
                               RequestId requestId, String to) {
    public DeliveredMessage {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(to, "to");
    }

    /** A message to the number itself. */
    public DeliveredMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt,
                            RequestId requestId) {
        this(number, channel, code, text, sentAt, requestId, number.digits());
    }

    /** Leaves the code, the text and the address out, so a message in a log or a failed assertion reveals none. */
    @Override
    public String toString() {
        return "DeliveredMessage[number=" + number + ", channel=" + channel + ", sentAt=" + sentAt
                + ", requestId=" + requestId + ", code=redacted]";
    }
}
