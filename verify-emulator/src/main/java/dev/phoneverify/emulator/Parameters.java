package dev.phoneverify.emulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Request parameters from the query string and a form or JSON body together; a name may repeat. */
final class Parameters {
    private final Map<String, List<String>> values = new HashMap<>();

    /** Adds every pair of {@code encoded}; a malformed %-escape throws {@link IllegalArgumentException}. */
    void addEncoded(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
    }

    /** Adds one decoded value. */
    void add(String name, String value) {
        values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The first non-blank value of {@code name}; a blank value counts as missing, as it does for Vonage. */
    Optional<String> first(String name) {
        List<String> found = values.get(name);
        if (found == null) {
            return Optional.empty();
        }
        return found.stream().filter(value -> !value.isBlank()).findFirst();
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }
}
