package dev.phoneverify.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shapes of a simulated gateway's dev endpoints: {@code GET /api/dev/outbox} lists what was "delivered",
 * {@code POST /api/dev/clock} ({@code {"advanceSeconds": 60}}) moves the clock. Served only on the fake.
 */
public final class DevResources {
    /** The outbox's path. */
    public static final String OUTBOX = "/api/dev/outbox";
    /** The clock's path. */
    public static final String CLOCK = "/api/dev/clock";
    /** A day: far enough for any scenario, small enough that nobody overflows the clock by accident. */
    public static final long MAX_ADVANCE_SECONDS = 86_400;

    private DevResources() {
    }

    /** One delivered message as the outbox lists it. */
    public static Map<String, Object> outboxMessage(PhoneNumber number, Channel channel, String code, String text,
                                                    Instant sentAt) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", number.e164());
        view.put("channel", channel.name());
        view.put("code", code);
        view.put("text", text);
        view.put("sentAt", sentAt.toString());
        return view;
    }

    /** How far a clock body asks to move the clock. */
    public static Duration advance(JsonNode body) {
        return Duration.ofSeconds(JsonBodies.requiredWholeNumber(body, "advanceSeconds", 0, MAX_ADVANCE_SECONDS));
    }

    /** The clock's answer: the time now. */
    public static Map<String, Object> clock(Instant now) {
        return Map.of("now", now.toString());
    }
}
