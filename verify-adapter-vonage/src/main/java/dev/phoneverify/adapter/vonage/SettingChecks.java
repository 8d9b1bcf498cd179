package dev.phoneverify.adapter.vonage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The checks both gateways' settings share (credentials, base URI, timeout), so the v1 and v2 configs refuse the
 * same values with the same words. Each failure is an {@link IllegalArgumentException} naming the setting.
 */
final class SettingChecks {
    static final URI DEFAULT_BASE_URI = URI.create("https://api.nexmo.com");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    // The SDK refuses timeouts under 10 ms; an upper bound keeps the millisecond count inside an int.
    static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private SettingChecks() {
    }

    static String required(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return value;
    }

    static <T> T present(String setting, T value) {
        if (value == null) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return value;
    }

    /** True for an absolute {@code http} or {@code https} URI with a host. */
    static boolean isHttpUri(URI uri) {
        String scheme = uri.getScheme();
        return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null;
    }

    static URI baseUri(URI uri) {
        present("baseUri", uri);
        if (!isHttpUri(uri)) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + uri);
        }
        return uri;
    }

    static URI parseBaseUri(String text) {
        present("baseUri", text);
        try {
            return baseUri(new URI(text));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUri is not a URI: " + text, e);
        }
    }

    static boolean isTimeoutInRange(Duration timeout) {
        return timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0;
    }

    static Duration timeout(Duration timeout) {
        present("timeout", timeout);
        if (!isTimeoutInRange(timeout)) {
            throw new IllegalArgumentException("timeout must be between " + MIN_TIMEOUT + " and " + MAX_TIMEOUT
                    + ", was " + timeout);
        }
        return timeout;
    }
}
