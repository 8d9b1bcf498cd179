package dev.phoneverify.adapter.vonage;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Settings of the Vonage adapter: credentials, where to connect, how long to wait, and the Verify v1 delivery plan.
 *
 * <p>Brand and code length are not here on purpose: they come with each
 * {@link dev.phoneverify.core.port.StartRequest}, so one adapter (and one SDK client) serves several brands.
 *
 * <p>Every setting is checked when the value is built; a missing or out-of-range one fails with an
 * {@link IllegalArgumentException} whose message names the setting. {@link #toString()} never shows the secret.
 *
 * @param apiKey          Vonage API key (required)
 * @param apiSecret       Vonage API secret (required; never printed)
 * @param baseUri         where the Verify API lives; default {@code https://api.nexmo.com}, or an emulator's address
 * @param timeout         the SDK's connect and read timeout, each (a call can take about twice this); default 10 s
 * @param senderId        the SMS sender, at most 11 letters or digits; Vonage's default ({@code VERIFY}) when empty
 * @param workflowId      Vonage's delivery plan, 1 to 7 (1: SMS, call, call); default 1
 * @param locale          the message language, one of Vonage's v1 locales; by default Vonage follows the number
 * @param pinExpiry       how long one code lives, 60 s to 3600 s in whole seconds; Vonage's default when empty
 * @param nextEventWait   the wait between delivery steps, 60 s to 900 s in whole seconds; Vonage's default when empty
 * @param clock           the time source for request timings
 * @param sdkWireLogging  true lets the SDK's (and Apache HttpClient's) debug logging through, which prints request
 *                        bodies, the API secret and codes included; false (default) pins those loggers to INFO
 */
public record VonageConfig(
        String apiKey,
        String apiSecret,
        URI baseUri,
        Duration timeout,
        Optional<String> senderId,
        int workflowId,
        Optional<Locale> locale,
        Optional<Duration> pinExpiry,
        Optional<Duration> nextEventWait,
        Clock clock,
        boolean sdkWireLogging) {

    public static final URI DEFAULT_BASE_URI = URI.create("https://api.nexmo.com");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    // The SDK refuses timeouts under 10 ms; an upper bound keeps the millisecond count inside an int.
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9]{1,11}");
    /** Vonage Verify v1's {@code lg} values (facts 1.2). */
    private static final Set<String> VONAGE_LOCALES = Set.of(
            "ar-xa", "cs-cz", "cy-cy", "cy-gb", "da-dk", "de-de", "el-gr", "en-au", "en-gb", "en-in", "en-us",
            "es-es", "es-mx", "es-us", "fi-fi", "fil-ph", "fr-ca", "fr-fr", "hi-in", "hu-hu", "id-id", "is-is",
            "it-it", "ja-jp", "ko-kr", "nb-no", "nl-nl", "pl-pl", "pt-br", "pt-pt", "ro-ro", "ru-ru", "sv-se",
            "th-th", "tr-tr", "vi-vn", "yue-cn", "zh-cn", "zh-tw");

    public VonageConfig {
        apiKey = required("apiKey", apiKey);
        apiSecret = required("apiSecret", apiSecret);
        baseUri = checkBaseUri(baseUri);
        timeout = checkRange("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT);
        Objects.requireNonNull(senderId, "senderId");
        senderId.ifPresent(VonageConfig::checkSenderId);
        if (workflowId < 1 || workflowId > 7) {
            throw new IllegalArgumentException("workflowId must be 1 to 7, was " + workflowId);
        }
        Objects.requireNonNull(locale, "locale");
        locale.ifPresent(VonageConfig::checkLocale);
        Objects.requireNonNull(pinExpiry, "pinExpiry");
        Objects.requireNonNull(nextEventWait, "nextEventWait");
        pinExpiry.ifPresent(d -> checkWholeSeconds("pinExpiry", d, 60, 3600));
        nextEventWait.ifPresent(d -> checkWholeSeconds("nextEventWait", d, 60, 900));
        if (pinExpiry.isPresent() && nextEventWait.isPresent()
                && pinExpiry.get().getSeconds() % nextEventWait.get().getSeconds() != 0) {
            // Vonage would silently replace pin_expiry by next_event_wait (facts 1.2); refuse instead of surprising.
            throw new IllegalArgumentException("pinExpiry (" + pinExpiry.get().getSeconds()
                    + " s) must be a whole multiple of nextEventWait (" + nextEventWait.get().getSeconds() + " s)");
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
    }

    /** A builder with the defaults above; only key and secret must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads {@code VONAGE_API_KEY}, {@code VONAGE_API_SECRET} (both required), {@code VONAGE_BASE_URL} and
     * {@code VONAGE_TIMEOUT_MS} (both optional) from a map such as {@code System.getenv()}; everything else keeps
     * its default.
     */
    public static VonageConfig fromEnvironment(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        Builder builder = builder()
                .apiKey(requiredVariable(environment, "VONAGE_API_KEY"))
                .apiSecret(requiredVariable(environment, "VONAGE_API_SECRET"));
        String baseUrl = environment.get("VONAGE_BASE_URL");
        if (baseUrl != null && !baseUrl.isBlank()) {
            try {
                builder.baseUri(new URI(baseUrl.strip()));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("VONAGE_BASE_URL is not a URI", e);
            }
        }
        String timeoutMillis = environment.get("VONAGE_TIMEOUT_MS");
        if (timeoutMillis != null && !timeoutMillis.isBlank()) {
            try {
                builder.timeout(Duration.ofMillis(Long.parseLong(timeoutMillis.strip())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("VONAGE_TIMEOUT_MS must be a whole number of milliseconds", e);
            }
        }
        return builder.build();
    }

    private static String requiredVariable(Map<String, String> environment, String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    private static String required(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return value;
    }

    private static URI checkBaseUri(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("baseUri is required");
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUri must be an absolute http(s) URI, was " + uri);
        }
        return uri;
    }

    private static Duration checkRange(String setting, Duration value, Duration min, Duration max) {
        if (value == null) {
            throw new IllegalArgumentException(setting + " is required");
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    private static void checkWholeSeconds(String setting, Duration value, long minSeconds, long maxSeconds) {
        if (value.getNano() != 0 || value.getSeconds() < minSeconds || value.getSeconds() > maxSeconds) {
            throw new IllegalArgumentException(setting + " must be whole seconds from " + minSeconds + " to "
                    + maxSeconds + ", was " + value);
        }
    }

    private static void checkSenderId(String senderId) {
        if (!SENDER_ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("senderId must be 1 to 11 letters or digits");
        }
    }

    private static void checkLocale(Locale locale) {
        String tag = vonageLocaleTag(locale);
        if (!VONAGE_LOCALES.contains(tag)) {
            throw new IllegalArgumentException("locale must be one of Vonage's Verify locales (such as en-gb), was "
                    + tag);
        }
    }

    /** The {@code lg} value the SDK sends for a locale. */
    static String vonageLocaleTag(Locale locale) {
        return locale.toLanguageTag().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VonageConfig[apiKey=" + apiKey + ", apiSecret=(redacted), baseUri=" + baseUri + ", timeout=" + timeout
                + ", senderId=" + senderId.orElse("(Vonage default)") + ", workflowId=" + workflowId
                + ", locale=" + locale.map(VonageConfig::vonageLocaleTag).orElse("(by number)")
                + ", pinExpiry=" + pinExpiry.map(Duration::toString).orElse("(Vonage default)")
                + ", nextEventWait=" + nextEventWait.map(Duration::toString).orElse("(Vonage default)")
                + ", clock=" + clock + ", sdkWireLogging=" + sdkWireLogging + "]";
    }

    /** Builds a {@link VonageConfig}; unset optional settings keep the documented defaults. */
    public static final class Builder {
        private String apiKey;
        private String apiSecret;
        private URI baseUri = DEFAULT_BASE_URI;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String senderId;
        private int workflowId = 1;
        private Locale locale;
        private Duration pinExpiry;
        private Duration nextEventWait;
        private Clock clock = Clock.systemUTC();
        private boolean sdkWireLogging;

        private Builder() {
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder apiSecret(String apiSecret) {
            this.apiSecret = apiSecret;
            return this;
        }

        public Builder baseUri(URI baseUri) {
            this.baseUri = baseUri;
            return this;
        }

        public Builder baseUri(String baseUri) {
            if (baseUri == null) {
                throw new IllegalArgumentException("baseUri is required");
            }
            try {
                return baseUri(new URI(baseUri));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("baseUri is not a URI: " + baseUri, e);
            }
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        public Builder workflowId(int workflowId) {
            this.workflowId = workflowId;
            return this;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        public Builder pinExpiry(Duration pinExpiry) {
            this.pinExpiry = pinExpiry;
            return this;
        }

        public Builder nextEventWait(Duration nextEventWait) {
            this.nextEventWait = nextEventWait;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Lets SDK debug logging through; it prints the API secret and codes, so only for local debugging. */
        public Builder sdkWireLogging(boolean allowed) {
            this.sdkWireLogging = allowed;
            return this;
        }

        public VonageConfig build() {
            return new VonageConfig(apiKey, apiSecret, baseUri, timeout, Optional.ofNullable(senderId), workflowId,
                    Optional.ofNullable(locale), Optional.ofNullable(pinExpiry), Optional.ofNullable(nextEventWait),
                    clock, sdkWireLogging);
        }
    }
}
