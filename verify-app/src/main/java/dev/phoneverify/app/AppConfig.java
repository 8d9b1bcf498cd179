package dev.phoneverify.app;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The app's settings, read from environment variables; a system property of the same name overrides a variable.
 *
 * @param gateway which gateway serves verifications
 * @param brand   the name in the message the user receives
 * @param port    the HTTP port; 0 picks a free one
 * @param vonage  Vonage's settings, present exactly when {@code gateway} is {@link Gateway#VONAGE}
 * @param abuseControls send limits, cooldowns and the conversion alarm; all on by default (docs/abuse-controls.md)
 */
public record AppConfig(Gateway gateway, Brand brand, int port, Optional<VonageSettings> vonage,
                        AbuseControlPolicy abuseControls) {
    public static final String DEFAULT_BRAND = "phone-verify";
    public static final int DEFAULT_PORT = 8080;

    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** The gateways the app can run on. */
    public enum Gateway {
        /** The in-memory simulator: no account, no network, codes shown in the outbox. */
        FAKE,
        /** Vonage Verify v1 through its SDK. */
        VONAGE;

        /** The name used in {@code VERIFY_GATEWAY} and in {@code /health}. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How to reach Vonage. {@link #toString()} never shows the secret.
     *
     * @param baseUrl where the Verify API lives; Vonage's own when empty
     * @param timeout the SDK's timeout; the adapter's default when empty
     */
    public record VonageSettings(String apiKey, String apiSecret, Optional<URI> baseUrl, Optional<Duration> timeout) {
        public VonageSettings {
            Objects.requireNonNull(apiKey, "apiKey");
            Objects.requireNonNull(apiSecret, "apiSecret");
            Objects.requireNonNull(baseUrl, "baseUrl");
            Objects.requireNonNull(timeout, "timeout");
        }

        @Override
        public String toString() {
            return "VonageSettings[apiKey=" + apiKey + ", apiSecret=(redacted), baseUrl=" + baseUrl
                    + ", timeout=" + timeout + "]";
        }
    }

    public AppConfig {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(vonage, "vonage");
        Objects.requireNonNull(abuseControls, "abuseControls");
        if (vonage.isPresent() != (gateway == Gateway.VONAGE)) {
            throw new IllegalArgumentException("Vonage settings go with the vonage gateway, and only with it");
        }
    }

    /** The fake gateway on {@code port}, with the default brand: what tests and a first run use. */
    public static AppConfig fake(int port) {
        return new AppConfig(Gateway.FAKE, new Brand(DEFAULT_BRAND), port, Optional.empty(),
                AbuseControlPolicy.defaults());
    }

    /** These settings with other abuse controls; {@link AbuseControlPolicy#none()} turns them off. */
    public AppConfig withAbuseControls(AbuseControlPolicy policy) {
        return new AppConfig(gateway, brand, port, vonage, policy);
    }

    /** Reads the process's environment, overridden by its system properties. */
    public static AppConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    /**
     * Reads settings from {@code environment}; a non-blank entry in {@code overrides} wins over it.
     *
     * @throws ConfigException naming the first missing or malformed setting
     */
    public static AppConfig from(Map<String, String> environment, Properties overrides) {
        Map<String, String> settings = new HashMap<>(environment);
        for (String name : overrides.stringPropertyNames()) {
            settings.put(name, overrides.getProperty(name));
        }
        return new SettingsReader(settings).read();
    }

    /** Reads one map of settings; every method names the variable it complains about. */
    private static final class SettingsReader {
        private final Map<String, String> settings;

        SettingsReader(Map<String, String> settings) {
            this.settings = settings;
        }

        AppConfig read() {
            Gateway gateway = gateway();
            Optional<VonageSettings> vonage = gateway == Gateway.VONAGE ? Optional.of(vonage()) : Optional.empty();
            return new AppConfig(gateway, brand(), port(), vonage, abuseControls());
        }

        private Gateway gateway() {
            Optional<String> chosen = value("VERIFY_GATEWAY");
            if (chosen.isEmpty()) {
                boolean hasCredentials = value("VONAGE_API_KEY").isPresent() && value("VONAGE_API_SECRET").isPresent();
                return hasCredentials ? Gateway.VONAGE : Gateway.FAKE;
            }
            for (Gateway gateway : Gateway.values()) {
                if (gateway.configName().equalsIgnoreCase(chosen.get())) {
                    return gateway;
                }
            }
            throw new ConfigException("VERIFY_GATEWAY must be 'fake' or 'vonage', was '" + printable(chosen.get()) + "'");
        }

        private Brand brand() {
            try {
                return new Brand(value("VERIFY_BRAND").orElse(DEFAULT_BRAND));
            } catch (InvalidInputException e) {
                throw new ConfigException("VERIFY_BRAND is not usable: " + e.getMessage());
            }
        }

        private int port() {
            Optional<String> port = value("PORT");
            if (port.isEmpty()) {
                return DEFAULT_PORT;
            }
            try {
                int parsed = Integer.parseInt(port.get());
                if (parsed >= 0 && parsed <= 65_535) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
            throw new ConfigException("PORT must be a number from 0 to 65535 (0 picks a free port), was '"
                    + printable(port.get()) + "'");
        }

        private VonageSettings vonage() {
            String key = value("VONAGE_API_KEY").orElseThrow(() -> new ConfigException(
                    "VONAGE_API_KEY is not set; the vonage gateway needs VONAGE_API_KEY and VONAGE_API_SECRET"));
            String secret = value("VONAGE_API_SECRET").orElseThrow(() -> new ConfigException(
                    "VONAGE_API_SECRET is not set; the vonage gateway needs VONAGE_API_KEY and VONAGE_API_SECRET"));
            return new VonageSettings(key, secret, baseUrl(), timeout());
        }

        private Optional<URI> baseUrl() {
            return value("VONAGE_BASE_URL").map(text -> {
                try {
                    URI uri = new URI(text);
                    String scheme = uri.getScheme();
                    if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                        return uri;
                    }
                } catch (URISyntaxException e) {
                    // falls through to the one message below
                }
                throw new ConfigException("VONAGE_BASE_URL must be an absolute http(s) URL such as "
                        + "https://api.nexmo.com, was '" + printable(text) + "'");
            });
        }

        private Optional<Duration> timeout() {
            return value("VONAGE_TIMEOUT_MS").map(text -> {
                try {
                    Duration timeout = Duration.ofMillis(Long.parseLong(text));
                    if (timeout.compareTo(MIN_TIMEOUT) >= 0 && timeout.compareTo(MAX_TIMEOUT) <= 0) {
                        return timeout;
                    }
                } catch (NumberFormatException e) {
                    // falls through to the one message below
                }
                throw new ConfigException("VONAGE_TIMEOUT_MS must be whole milliseconds from " + MIN_TIMEOUT.toMillis()
                        + " to " + MAX_TIMEOUT.toMillis() + ", was '" + printable(text) + "'");
            });
        }

        /**
         * {@code VERIFY_ABUSE_CONTROLS} ({@code on} by default, or {@code off}) and one count per 10 minutes, or
         * {@code off}, for each send limit: {@code VERIFY_LIMIT_PER_NUMBER}, {@code VERIFY_LIMIT_PER_CLIENT},
         * {@code VERIFY_LIMIT_PER_CALLING_CODE}.
         */
        private AbuseControlPolicy abuseControls() {
            String switched = value("VERIFY_ABUSE_CONTROLS").orElse("on").toLowerCase(Locale.ROOT);
            if (switched.equals("off")) {
                return AbuseControlPolicy.none();
            }
            if (!switched.equals("on")) {
                throw new ConfigException("VERIFY_ABUSE_CONTROLS must be 'on' or 'off', was '" + printable(switched) + "'");
            }
            SendLimitPolicy limits = SendLimitPolicy.defaults()
                    .withPerNumber(sendLimit("VERIFY_LIMIT_PER_NUMBER", SendLimitPolicy.DEFAULT_PER_NUMBER))
                    .withPerClient(sendLimit("VERIFY_LIMIT_PER_CLIENT", SendLimitPolicy.DEFAULT_PER_CLIENT))
                    .withPerCallingCode(sendLimit("VERIFY_LIMIT_PER_CALLING_CODE",
                            SendLimitPolicy.DEFAULT_PER_CALLING_CODE));
            return AbuseControlPolicy.defaults().withSendLimits(limits);
        }

        /** A count of starts per 10 minutes, {@code off} (null), or the default when unset. */
        private SendLimit sendLimit(String name, SendLimit fallback) {
            Optional<String> text = value(name);
            if (text.isEmpty()) {
                return fallback;
            }
            if (text.get().equalsIgnoreCase("off")) {
                return null;
            }
            try {
                int count = Integer.parseInt(text.get());
                if (count >= 1 && count <= 1_000_000) {
                    return SendLimit.of(count, SendLimitPolicy.DEFAULT_WINDOW);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
            throw new ConfigException(name + " must be a count of starts per 10 minutes from 1 to 1000000, or 'off',"
                    + " was '" + printable(text.get()) + "'");
        }

        /** The setting, stripped; blank counts as unset so {@code PORT=} behaves like no PORT. */
        private Optional<String> value(String name) {
            String raw = settings.get(name);
            return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
        }

        /** Keeps an echoed value on one short line, whatever was typed. */
        private static String printable(String value) {
            String oneLine = value.replaceAll("\\p{Cntrl}", "?");
            return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
        }
    }
}
