package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.Exchanges.send;

import com.sun.net.httpserver.HttpExchange;
import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tester's endpoints, without credentials: read the outbox, move the clock, forget everything. For loopback
 * tests only, never for a shared network.
 */
final class TesterEndpoints {
    private static final long MAX_ADVANCE_SECONDS = Duration.ofDays(3650).toSeconds();

    private final FakeVerificationGateway fake;

    TesterEndpoints(FakeVerificationGateway fake) {
        this.fake = fake;
    }

    /** {@code GET /_emulator/outbox[?number=N]}. */
    void outbox(HttpExchange exchange, Parameters params) throws IOException {
        Optional<String> rawNumber = params.first("number");
        List<DeliveredMessage> messages;
        try {
            messages = rawNumber.isPresent() ? fake.outboxFor(PhoneNumber.parse(rawNumber.get())) : fake.outbox();
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", "number is not a phone number in E.164 form"));
            return;
        }
        List<Object> list = new ArrayList<>(messages.size());
        for (DeliveredMessage message : messages) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", message.number().digits());
            entry.put("channel", SearchAnswer.wireChannel(message.channel()));
            entry.put("code", message.code());
            entry.put("text", message.text());
            entry.put("sentAt", message.sentAt().toString());
            entry.put("requestId", message.requestId().value());
            list.add(entry);
        }
        Exchanges.sendJson(exchange, 200, Json.write(list));
    }

    /** {@code POST /_emulator/clock?advanceSeconds=S}. */
    void clock(HttpExchange exchange, Parameters params) throws IOException {
        long seconds;
        try {
            seconds = Long.parseLong(params.first("advanceSeconds").orElse("").strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 0 || seconds > MAX_ADVANCE_SECONDS) {
            send(exchange, 400, Map.of("error", "advanceSeconds must be a whole number of seconds, 0 or more"));
            return;
        }
        fake.clock().advance(Duration.ofSeconds(seconds));
        send(exchange, 200, Map.of("now", fake.clock().instant().toString()));
    }

    /** {@code POST /_emulator/reset}. */
    void reset(HttpExchange exchange) throws IOException {
        fake.reset();
        send(exchange, 200, Map.of("reset", "ok"));
    }
}
