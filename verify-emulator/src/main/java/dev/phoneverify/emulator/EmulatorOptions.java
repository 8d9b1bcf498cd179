package dev.phoneverify.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The jar's command line, parsed and checked before anything starts; every problem is an
 * {@link IllegalArgumentException} whose message says what is wrong.
 */
record EmulatorOptions(boolean help, int port, String host, String apiKey, String apiSecret,
                       Optional<String> callbackUrl, Optional<String> signatureSecret,
                       Optional<String> applicationPublicKey, int workflow, Optional<Long> codeSeed,
                       boolean v2CancelRule, boolean v2AcceptEarlierCodes, int v2BusyAfterCancelSeconds) {
    private static final Set<String> WITH_VALUE = Set.of("--port", "--host", "--api-key", "--api-secret",
            "--callback-url", "--signature-secret", "--application-public-key", "--workflow", "--code-seed",
            "--v2-busy-after-cancel");
    private static final Set<String> FLAGS = Set.of("--help", "-h", "--v2-cancel-rule",
            "--v2-accept-earlier-codes");

    static EmulatorOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String inlineValue = null;
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                inlineValue = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (FLAGS.contains(name) && inlineValue == null) {
                values.put(name.equals("-h") ? "--help" : name, "");
            } else if (WITH_VALUE.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException(name + " needs a value");
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    throw new IllegalArgumentException(name + " is given twice");
                }
            } else {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (values.containsKey("--help")) {
            return new EmulatorOptions(true, 0, "", "", "", Optional.empty(), Optional.empty(), Optional.empty(),
                    1, Optional.empty(), false, false, 0);
        }
        String apiKey = required(values, "--api-key");
        String apiSecret = required(values, "--api-secret");
        Optional<String> callbackUrl = Optional.ofNullable(values.get("--callback-url"));
        Optional<String> signatureSecret = Optional.ofNullable(values.get("--signature-secret"));
        if (callbackUrl.isPresent() != signatureSecret.isPresent()) {
            throw new IllegalArgumentException("--callback-url and --signature-secret go together");
        }
        return new EmulatorOptions(false, number(values, "--port", 8089, 0, 65535),
                values.getOrDefault("--host", "127.0.0.1"), apiKey, apiSecret, callbackUrl, signatureSecret,
                Optional.ofNullable(values.get("--application-public-key")),
                number(values, "--workflow", 1, 1, 7), codeSeed(values),
                values.containsKey("--v2-cancel-rule"), values.containsKey("--v2-accept-earlier-codes"),
                number(values, "--v2-busy-after-cancel", 0, 0, 3600));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static int number(Map<String, String> values, String name, int fallback, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the range.
        }
        throw new IllegalArgumentException(name + " is a whole number from " + min + " to " + max + ", not "
                + value);
    }

    private static Optional<Long> codeSeed(Map<String, String> values) {
        String value = values.get("--code-seed");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--code-seed is a whole number, not " + value);
        }
    }
}
