package dev.phoneverify.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** v2's timestamps: ISO 8601 in UTC with milliseconds and {@code Z}, as every example has them (facts §2.8). */
final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }
}
