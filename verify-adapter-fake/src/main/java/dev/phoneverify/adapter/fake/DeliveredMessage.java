package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the fake "delivered" (an SMS, a voice call, a WhatsApp message or an email): what the user would have
 * received, so a test reads the code the way a user would.
 *
 * @param phoneNumber the request's number, under which {@link FakeVerificationGateway#outboxFor} files every
 *                    message of the request, emails included; empty when every step went to an email address
 * @param code        the code in the message
 * @param text        the rendered message, with the brand ("Your Acme PIN is 1234")
 * @param requestId   the request that sent it
 * @param to          where it went: phone digits, or the email address of an email step
 */
public record DeliveredMessage(Optional<PhoneNumber> phoneNumber, Channel channel, String code, String text,
                               Instant sentAt, RequestId requestId, String to) {
    public DeliveredMessage {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(to, "to");
    }

    /** A message of a request to {@code number}, sent to {@code to}. */
    public DeliveredMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt,
                            RequestId requestId, String to) {
        this(Optional.of(Objects.requireNonNull(number, "number")), channel, code, text, sentAt, requestId, to);
    }

    /** A message to the number itself. */
    public DeliveredMessage(PhoneNumber number, Channel channel, String code, String text, Instant sentAt,
                            RequestId requestId) {
        this(number, channel, code, text, sentAt, requestId, number.digits());
    }

    /**
     * The request's number, which every v1 request and every port start has.
     *
     * @throws IllegalStateException the request went only to email addresses (a v2 start of the emulator)
     */
    public PhoneNumber number() {
        return phoneNumber.orElseThrow(() -> new IllegalStateException("a message of request " + requestId
                + " has no phone number: every step went to an email address; read to()"));
    }

    /** Leaves the code, the text and the address out, so a message in a log or a failed assertion reveals none. */
    @Override
    public String toString() {
        return "DeliveredMessage[number=" + phoneNumber.map(PhoneNumber::toString).orElse("none") + ", channel="
                + channel + ", sentAt=" + sentAt + ", requestId=" + requestId + ", code=redacted]";
    }
}
