package dev.phoneverify.emulator;

import static dev.phoneverify.emulator.Exchanges.send;

import com.sun.net.httpserver.HttpExchange;
import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.core.domain.PhoneNumber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tester's endpoints under {@code /_emulator/}, without credentials: read the outbox of both APIs, move the
 * shared clock, forget everything, script faults. For loopback tests only, never for a shared network.
 */
final class TesterEndpoints {
    private static final long MAX_ADVANCE_SECONDS = Duration.ofDays(3650).toSeconds();

    private final FakeVerificationGateway v1;
    private final FakeVerificationGateway v2;
    private final Psd2Payments payments;
    private final Runnable onReset;
    private final FaultEndpoints faults;

    TesterEndpoints(FakeVerificationGateway v1, FakeVerificationGateway v2, Psd2Payments payments, Runnable onReset) {
        this.v1 = v1;
        this.v2 = v2;
        this.payments = payments;
        this.onReset = onReset;
        this.faults = new FaultEndpoints(v1, v2);
    }

    void handle(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        String expected = switch (path) {
            case "outbox" -> "GET";
            case "clock", "reset", "fault", "number" -> "POST";
            default -> null;
        };
        if (expected == null) {
            send(exchange, 404, Map.of("error", "not found"));
            return;
        }
        if (!expected.equals(method)) {
            exchange.getResponseHeaders().set("Allow", expected);
            send(exchange, 405, Map.of("error", "method not allowed"));
            return;
        }
        Parameters params = new Parameters();
        try {
            params.addEncoded(exchange.getRequestURI().getRawQuery());
            if (Exchanges.isForm(exchange)) {
                params.addEncoded(new String(body, StandardCharsets.UTF_8));
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", "malformed parameter encoding"));
            return;
        }
        switch (path) {
            case "outbox" -> outbox(exchange, params);
            case "clock" -> clock(exchange, params);
            case "reset" -> reset(exchange);
            case "fault" -> faults.fault(exchange, params);
            default -> faults.numberRule(exchange, params);
        }
    }

    /**
     * {@code GET /_emulator/outbox[?number=N | ?to=ADDRESS]}: the messages of both APIs, oldest first. A {@code to}
     * (or a {@code number} with an {@code @}) that is an email address reads what went to it, in any case.
     */
    private void outbox(HttpExchange exchange, Parameters params) throws IOException {
        Optional<String> to = params.first("to").or(() -> params.first("number").filter(value -> value.contains("@")))
                .map(String::strip);
        Optional<PhoneNumber> number;
        try {
            number = to.isPresent() ? Optional.empty() : params.first("number").map(PhoneNumber::parse);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", "number is not a phone number in E.164 form"));
            return;
        }
        List<Sent> sent = new ArrayList<>();
        read(v1, number, to).forEach(message -> sent.add(new Sent(message, true)));
        read(v2, number, to).forEach(message -> sent.add(new Sent(message, false)));
        sent.sort(Comparator.comparing(entry -> entry.message().sentAt()));
        List<Object> list = new ArrayList<>(sent.size());
        for (Sent entry : sent) {
            list.add(describe(entry.message(), entry.v1()));
        }
        payments.tidy(id -> v1.snapshot(id).isPresent());
        Exchanges.sendJson(exchange, 200, Json.write(list));
    }

    private static List<DeliveredMessage> read(FakeVerificationGateway fake, Optional<PhoneNumber> number,
                                               Optional<String> to) {
        if (to.isPresent()) {
            return fake.outboxTo(to.get());
        }
        return number.map(fake::outboxFor).orElseGet(fake::outbox);
    }

    private record Sent(DeliveredMessage message, boolean v1) {
    }

    private Map<String, Object> describe(DeliveredMessage message, boolean isV1) {
        Map<String, Object> entry = new LinkedHashMap<>();
        // The request's number; a request sent only to email addresses has none, and shows where it went instead.
        entry.put("number", message.phoneNumber().map(PhoneNumber::digits).orElse(message.to()));
        // v1 names a voice call "tts", as its search does; v2 uses its own channel names.
        entry.put("channel", isV1 ? SearchAnswer.wireChannel(message.channel()) : message.channel().wireName());
        entry.put("code", message.code());
        entry.put("text", payments.text(message).orElse(message.text()));
        entry.put("sentAt", message.sentAt().toString());
        entry.put("requestId", message.requestId().value());
        // Added after the fields v1 testers already read in order: where it went (an address for email).
        entry.put("to", message.to());
        return entry;
    }

    /** {@code POST /_emulator/clock?advanceSeconds=S}: moves both APIs' time; steps and expiries happen before the answer. */
    private void clock(HttpExchange exchange, Parameters params) throws IOException {
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
        // One clock for both fakes: the v2 fake catches up and hands its updates on inside advance().
        v1.clock().advance(Duration.ofSeconds(seconds));
        send(exchange, 200, Map.of("now", v1.clock().instant().toString()));
    }

    /** {@code POST /_emulator/reset}: forgets requests, messages, faults, payments and pending callbacks. */
    private void reset(HttpExchange exchange) throws IOException {
        v1.reset();
        v2.reset();
        payments.clear();
        onReset.run();
        send(exchange, 200, Map.of("reset", "ok"));
    }
}
