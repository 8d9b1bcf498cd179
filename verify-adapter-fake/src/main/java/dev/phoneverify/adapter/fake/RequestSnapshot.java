package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the fake knows about one request at a moment, as Vonage's search shows it (facts §1.3): when it was
 * submitted and finished, each delivery event and each code checked. The HTTP emulator renders search answers
 * from it; tests may assert on it.
 *
 * @param phoneNumber the request's number; empty for a v2 request whose every step goes to an email address
 * @param to          each step's destination, in step order (phone digits, or an email address)
 */
public record RequestSnapshot(RequestId requestId, Optional<PhoneNumber> phoneNumber, List<String> to, String brand,
                              RequestStatus status, Instant submittedAt, Optional<Instant> finalizedAt,
                              List<Event> events, List<Check> checks) {
    public RequestSnapshot {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        to = List.copyOf(to);
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(finalizedAt, "finalizedAt");
        events = List.copyOf(events);
        checks = List.copyOf(checks);
    }

    /**
     * The request's number, which every v1 request and every port start has.
     *
     * @throws IllegalStateException the request went only to email addresses (a v2 start of the emulator)
     */
    public PhoneNumber number() {
        return phoneNumber.orElseThrow(() -> new IllegalStateException("request " + requestId
                + " has no phone number: every step went to an email address; read to()"));
    }

    /** One delivery: an SMS or a voice call, with Vonage-style event id. */
    public record Event(String eventId, Channel channel, Instant at) {
    }

    /** One code checked against the request; {@code code} is what the user typed. */
    public record Check(Instant receivedAt, String code, boolean valid) {
        @Override
        public String toString() {
            return "Check[receivedAt=" + receivedAt + ", valid=" + valid + ", code=redacted]";
        }
    }
}
