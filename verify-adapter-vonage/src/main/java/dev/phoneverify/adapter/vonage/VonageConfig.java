package dev.phoneverify.adapter.vonage;

import dev.phoneverify.vonage.model.V1Timings;
import dev.phoneverify.vonage.model.V1Workflow;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Settings of the Vonage Verify v1 gateway: credentials, where to connect, how long to wait, and the v1 workflow and
 * timings every request follows.
 *
 * <p>Brand and code length are not here on purpose: they come with each
 * {@link dev.phoneverify.core.port.StartRequest}, so one adapter (and one SDK client) serves several brands.
 *
 * <p>Every setting is checked when the value is built; a missing or out-of-range one fails with an
 * {@link IllegalArgumentException} whose message names the setting. {@link #fromEnvironment} is where an app reads
 * them from environment variables. {@link #toString()} never shows the secret.
 *
 * @param apiKey          Vonage API key (required)
 * @param apiSecret       Vonage API secret (required; never printed)
 * @param baseUri         where the Verify API lives; default {@code https://api.nexmo.com}, or an emulator's address
 * @param timeout         the SDK's connect and read timeout, each (a call can take about twice this); default 10 s
 * @param senderId        the SMS sender, at most 11 letters or digits; Vonage's default ({@code VERIFY}) when empty
 * @param timings         the workflow ({@code workflow_id}, default 1: SMS, call, call) and the {@code pin_expiry}
 *                        and {@code next_event_wait} sent with every start; Vonage's defaults where unset
 * @param locale          the message language, one of Vonage's v1 locales; by default Vonage follows the number
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
        V1Timings timings,
        Optional<Locale> locale,
        Clock clock,
        boolean sdkWireLogging) {

    public static final URI DEFAULT_BASE_URI = SettingChecks.DEFAULT_BASE_URI;
    public static final Duration DEFAULT_TIMEOUT = SettingChecks.DEFAULT_TIMEOUT;

    private static final Pattern SENDER_ID = Pattern.compile("[A-Za-z0-9]{1,11}");
    /** Vonage Verify v1's {@code lg} values (facts 1.2). */
    private static final Set<String> VONAGE_LOCALES = Set.of(
            "ar-xa", "cs-cz", "cy-cy", "cy-gb", "da-dk", "de-de", "el-gr", "en-au", "en-gb", "en-in", "en-us",
            "es-es", "es-mx", "es-us", "fi-fi", "fil-ph", "fr-ca", "fr-fr", "hi-in", "hu-hu", "id-id", "is-is",
            "it-it", "ja-jp", "ko-kr", "nb-no", "nl-nl", "pl-pl", "pt-br", "pt-pt", "ro-ro", "ru-ru", "sv-se",
            "th-th", "tr-tr", "vi-vn", "yue-cn", "zh-cn", "zh-tw");

    public VonageConfig {
        apiKey = SettingChecks.required("apiKey", apiKey);
        apiSecret = SettingChecks.required("apiSecret", apiSecret);
        baseUri = SettingChecks.baseUri(baseUri);
        timeout = SettingChecks.timeout(timeout);
        Objects.requireNonNull(senderId, "senderId");
        senderId.ifPresent(VonageConfig::checkSenderId);
        SettingChecks.present("timings", timings);
        if (timings.pinExpiry().isPresent() && timings.nextEventWait().isPresent()
                && !timings.effectivePinExpiry().equals(timings.pinExpiry().get())) {
            // Vonage would silently replace pin_expiry by next_event_wait (facts 1.2); refuse instead of surprising.
            throw new IllegalArgumentException("pinExpiry (" + timings.pinExpiry().get().getSeconds()
                    + " s) must be a whole multiple of nextEventWait (" + timings.nextEventWait().get().getSeconds()
                    + " s)");
        }
        Objects.requireNonNull(locale, "locale");
        locale.ifPresent(VonageConfig::checkLocale);
        SettingChecks.present("clock", clock);
    }

    /** A builder with the defaults above; only key and secret must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings an app gives in environment variables, such as {@code System.getenv()}:
     * <ul>
     *   <li>{@code VONAGE_API_KEY}, {@code VONAGE_API_SECRET}: required;</li>
     *   <li>{@code VONAGE_BASE_URL}: an absolute http(s) URL, default {@code https://api.nexmo.com};</li>
     *   <li>{@code VONAGE_TIMEOUT_MS}: whole milliseconds from 10 to 600000, default 10000.</li>
     * </ul>
     * A blank variable counts as unset. Everything else keeps its default; {@link #withClock} sets the clock.
     *
     * @throws VonageConfigException naming the first missing or malformed variable
     */
    public static VonageConfig fromEnvironment(Map<String, String> environment) {
        VonageEnvironment variables = new VonageEnvironment(environment, "vonage");
        Builder builder = builder().apiKey(variables.apiKey()).apiSecret(variables.apiSecret());
        variables.baseUrl().ifPresent(builder::baseUri);
        variables.timeout().ifPresent(builder::timeout);
        return builder.build();
    }

    /** These settings with another clock. */
    public VonageConfig withClock(Clock newClock) {
        return new VonageConfig(apiKey, apiSecret, baseUri, timeout, senderId, timings, locale, newClock,
                sdkWireLogging);
    }

    private static void checkSenderId(String senderId) {
        if (!SENDER_ID.matcher(senderId).matches()) {
            throw new IllegalArgumentException("senderId must be 1 to 11 letters or digits");
        }
    }

    private static void checkLocale(Locale locale) {
        if (!isVonageLocale(locale)) {
            throw new IllegalArgumentException("locale must be one of Vonage's Verify locales (such as en-gb), was "
                    + vonageLocaleTag(locale));
        }
    }

    /** True when Verify v1 serves messages in {@code locale}. */
    static boolean isVonageLocale(Locale locale) {
        return VONAGE_LOCALES.contains(vonageLocaleTag(locale));
    }

    /** The {@code lg} value the SDK sends for a locale. */
    static String vonageLocaleTag(Locale locale) {
        return locale.toLanguageTag().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VonageConfig[apiKey=" + apiKey + ", apiSecret=(redacted), baseUri=" + baseUri + ", timeout=" + timeout
                + ", senderId=" + senderId.orElse("(Vonage default)") + ", workflowId=" + timings.workflow().id()
                + ", locale=" + locale.map(VonageConfig::vonageLocaleTag).orElse("(by number)")
                + ", pinExpiry=" + timings.pinExpiry().map(Duration::toString).orElse("(Vonage default)")
                + ", nextEventWait=" + timings.nextEventWait().map(Duration::toString).orElse("(Vonage default)")
                + ", clock=" + clock + ", sdkWireLogging=" + sdkWireLogging + "]";
    }

    /** Builds a {@link VonageConfig}; unset optional settings keep the documented defaults. */
    public static final class Builder {
        private String apiKey;
        private String apiSecret;
        private URI baseUri = DEFAULT_BASE_URI;
        private Duration timeout = DEFAULT_TIMEOUT;
        private String senderId;
        private V1Timings timings;
        private int workflowId = V1Workflow.SMS_TTS_TTS.id();
        private Duration pinExpiry;
        private Duration nextEventWait;
        private Locale locale;
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
            return baseUri(SettingChecks.parseBaseUri(baseUri));
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder senderId(String senderId) {
            this.senderId = senderId;
            return this;
        }

        /** The whole v1 timing set at once; replaces what {@code workflowId}, {@code pinExpiry} and
         *  {@code nextEventWait} said before. */
        public Builder timings(V1Timings timings) {
            this.timings = timings;
            this.workflowId = timings.workflow().id();
            this.pinExpiry = timings.pinExpiry().orElse(null);
            this.nextEventWait = timings.nextEventWait().orElse(null);
            return this;
        }

        /** Vonage's {@code workflow_id}, 1 to 7. */
        public Builder workflowId(int workflowId) {
            this.timings = null;
            this.workflowId = workflowId;
            return this;
        }

        public Builder pinExpiry(Duration pinExpiry) {
            this.timings = null;
            this.pinExpiry = pinExpiry;
            return this;
        }

        public Builder nextEventWait(Duration nextEventWait) {
            this.timings = null;
            this.nextEventWait = nextEventWait;
            return this;
        }

        public Builder locale(Locale locale) {
            this.locale = locale;
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
            return new VonageConfig(apiKey, apiSecret, baseUri, timeout, Optional.ofNullable(senderId),
                    timings != null ? timings : timingsFromParts(), Optional.ofNullable(locale), clock,
                    sdkWireLogging);
        }

        /** The model checks each value; the message is re-worded to name this builder's setting. */
        private V1Timings timingsFromParts() {
            V1Timings built = V1Timings.of(named("workflowId", () -> V1Workflow.byId(workflowId)));
            if (pinExpiry != null) {
                V1Timings base = built;
                built = named("pinExpiry", () -> base.withPinExpiry(pinExpiry));
            }
            if (nextEventWait != null) {
                V1Timings base = built;
                built = named("nextEventWait", () -> base.withNextEventWait(nextEventWait));
            }
            return built;
        }

        private static <T> T named(String setting, Supplier<T> make) {
            try {
                return make.get();
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException(setting + ": " + refused.getMessage(), refused);
            }
        }
    }
}
