package dev.phoneverify.adapter.vonage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads Vonage settings from environment variables, the one place that knows their names and their messages. A
 * blank variable counts as unset, and values are stripped, so {@code VONAGE_TIMEOUT_MS=} behaves like no variable.
 * Every failure is a {@link VonageConfigException} naming the variable; secrets are never echoed.
 */
final class VonageEnvironment {
    static final String API_KEY = "VONAGE_API_KEY";
    static final String API_SECRET = "VONAGE_API_SECRET";
    static final String BASE_URL = "VONAGE_BASE_URL";
    static final String TIMEOUT_MS = "VONAGE_TIMEOUT_MS";
    static final String APPLICATION_ID = "VONAGE_APPLICATION_ID";
    static final String PRIVATE_KEY_PATH = "VONAGE_PRIVATE_KEY_PATH";
    static final String WHATSAPP_FROM = "VONAGE_WHATSAPP_FROM";
    static final String EMAIL_FROM = "VONAGE_EMAIL_FROM";

    private final Map<String, String> environment;
    /** How the app names the gateway these settings serve ({@code vonage}, {@code vonage-v2}), for messages. */
    private final String gateway;

    VonageEnvironment(Map<String, String> environment, String gateway) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.gateway = gateway;
    }

    /** The variable, stripped; empty when unset or blank. */
    Optional<String> value(String name) {
        String raw = environment.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    String apiKey() {
        return credential(API_KEY);
    }

    String apiSecret() {
        return credential(API_SECRET);
    }

    private String credential(String name) {
        return value(name).orElseThrow(() -> new VonageConfigException(name, name + " is not set; the " + gateway
                + " gateway needs " + API_KEY + " and " + API_SECRET));
    }

    Optional<URI> baseUrl() {
        return value(BASE_URL).map(text -> {
            try {
                URI uri = new URI(text);
                if (SettingChecks.isHttpUri(uri)) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // falls through to the one message below
            }
            throw new VonageConfigException(BASE_URL, BASE_URL + " must be an absolute http(s) URL such as "
                    + SettingChecks.DEFAULT_BASE_URI + ", was '" + printable(text) + "'");
        });
    }

    Optional<Duration> timeout() {
        return value(TIMEOUT_MS).map(text -> {
            try {
                Duration timeout = Duration.ofMillis(Long.parseLong(text));
                if (SettingChecks.isTimeoutInRange(timeout)) {
                    return timeout;
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
            throw new VonageConfigException(TIMEOUT_MS, TIMEOUT_MS + " must be whole milliseconds from "
                    + SettingChecks.MIN_TIMEOUT.toMillis() + " to " + SettingChecks.MAX_TIMEOUT.toMillis()
                    + ", was '" + printable(text) + "'");
        });
    }

    /** Keeps an echoed value on one short line, whatever was typed. */
    static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
