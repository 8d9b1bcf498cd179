package dev.phoneverify.app;

import java.util.function.Supplier;

/** An adapter's own reading of its settings: its refusal names the variable and becomes the one-line start-up error. */
final class AdapterSettings {
    private AdapterSettings() {
    }

    static <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage().replaceAll("\\R", " "));
        }
    }
}
