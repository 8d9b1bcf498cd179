package dev.phoneverify.emulator;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The payee and amount of each PSD2 request, so the outbox shows the message a payer gets ("... to pay EUR 48.00 to
 * Acme Inc"); the fake itself renders only a brand.
 */
final class Psd2Payments {
    /** Beyond this many, the payments of requests the fake no longer retains are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private record Payment(String payee, BigDecimal amount) {
    }

    private final Map<RequestId, Payment> payments = new ConcurrentHashMap<>();

    void record(RequestId requestId, String payee, BigDecimal amount) {
        payments.put(requestId, new Payment(payee, amount));
    }

    /** The PSD2 wording of {@code message}, or empty when it is not a payment's. */
    Optional<String> text(DeliveredMessage message) {
        Payment payment = payments.get(message.requestId());
        if (payment == null) {
            return Optional.empty();
        }
        String amount = "EUR " + payment.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
        String code = message.channel() == Channel.VOICE ? String.join(", ", message.code().split(""))
                : message.code();
        return Optional.of((message.channel() == Channel.VOICE ? "Hello. " : "") + "Your code " + code
                + " approves a payment of " + amount + " to " + payment.payee() + ".");
    }

    /** Drops the payments of requests that {@code retained} no longer knows, once there are many. */
    void tidy(Predicate<RequestId> retained) {
        if (payments.size() > TIDY_ABOVE) {
            payments.keySet().removeIf(retained.negate());
        }
    }

    void clear() {
        payments.clear();
    }
}
