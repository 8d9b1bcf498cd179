package dev.phoneverify.adapter.vonage;

import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.vonage.model.V2Rules;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the Vonage Verify v2 gateway: credentials, optionally an application (JWT auth), where to connect, how
 * long to wait, and the senders of the WhatsApp and email steps.
 *
 * <p>Brand, code length and workflow are not here: they come with each
 * {@link dev.phoneverify.core.port.StartRequest}. Every setting is checked when the value is built, with an
 * {@link IllegalArgumentException} naming it; {@link #fromEnvironment} reads them from environment variables.
 * {@link #toString()} shows neither the secret nor the private key.
 *
 * @param apiKey         Vonage API key (required)
 * @param apiSecret      Vonage API secret (required; never printed); sent as HTTP Basic auth without an application
 * @param application    when present, every call carries a JWT signed with its key instead (the SDK prefers it)
 * @param baseUri        where the API lives; default {@code https://api.nexmo.com}, or an emulator's address
 * @param timeout        the SDK's connect and read timeout, each; default 10 s
 * @param whatsappFrom   the WhatsApp Business number that sends WhatsApp steps, E.164 digits; without it the
 *                       gateway offers no WhatsApp channel
 * @param emailFrom      the sender of email steps; Vonage's default when empty
 * @param clock          the time source for request timings
 * @param sdkWireLogging true lets the SDK's (and Apache HttpClient's) debug logging through, which prints the
 *                       {@code Authorization} header and codes; false (default) pins those loggers to INFO
 */
public record VonageV2Config(
        String apiKey,
        String apiSecret,
        Optional<VonageApplication> application,
        URI baseUri,
        Duration timeout,
        Optional<String> whatsappFrom,
        Optional<EmailAddress> emailFrom,
        Clock clock,
        boolean sdkWireLogging) {

    public VonageV2Config {
        apiKey = SettingChecks.required("apiKey", apiKey);
        apiSecret = SettingChecks.required("apiSecret", apiSecret);
        Objects.requireNonNull(application, "application");
        baseUri = SettingChecks.baseUri(baseUri);
        timeout = SettingChecks.timeout(timeout);
        Objects.requireNonNull(whatsappFrom, "whatsappFrom");
        whatsappFrom.ifPresent(number -> {
            if (!V2Rules.PHONE_NUMBER.matcher(number).matches()) {
                throw new IllegalArgumentException("whatsappFrom must be a WhatsApp Business number as E.164 digits"
                        + " without '+', such as 447700900000");
            }
        });
        Objects.requireNonNull(emailFrom, "emailFrom");
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
     *   <li>{@code VONAGE_APPLICATION_ID} (a UUID) with {@code VONAGE_PRIVATE_KEY_PATH} (a PKCS#8 PEM file): both
     *       or neither; with them every call is authenticated by a JWT;</li>
     *   <li>{@code VONAGE_BASE_URL}, {@code VONAGE_TIMEOUT_MS}: as for Verify v1;</li>
     *   <li>{@code VONAGE_WHATSAPP_FROM}: the WhatsApp Business number (E.164, a leading {@code +} is allowed);</li>
     *   <li>{@code VONAGE_EMAIL_FROM}: the sender address of email steps.</li>
     * </ul>
     * A blank variable counts as unset; {@link #withClock} sets the clock.
     *
     * @throws VonageConfigException naming the first missing or malformed variable
     */
    public static VonageV2Config fromEnvironment(Map<String, String> environment) {
        VonageEnvironment variables = new VonageEnvironment(environment, "vonage-v2");
        Builder builder = builder().apiKey(variables.apiKey()).apiSecret(variables.apiSecret());
        V2Environment.application(variables).ifPresent(builder::application);
        variables.baseUrl().ifPresent(builder::baseUri);
        variables.timeout().ifPresent(builder::timeout);
        V2Environment.whatsappFrom(variables).ifPresent(builder::whatsappFrom);
        V2Environment.emailFrom(variables).ifPresent(builder::emailFrom);
        return builder.build();
    }

    /** These settings with another clock. */
    public VonageV2Config withClock(Clock newClock) {
        return new VonageV2Config(apiKey, apiSecret, application, baseUri, timeout, whatsappFrom, emailFrom, newClock,
                sdkWireLogging);
    }

    @Override
    public String toString() {
        return "VonageV2Config[apiKey=" + apiKey + ", apiSecret=(redacted), application="
                + application.map(VonageApplication::toString).orElse("(none: Basic auth)") + ", baseUri=" + baseUri
                + ", timeout=" + timeout + ", whatsappFrom=" + whatsappFrom.orElse("(no WhatsApp)")
                + ", emailFrom=" + emailFrom.map(EmailAddress::value).orElse("(Vonage default)")
                + ", clock=" + clock + ", sdkWireLogging=" + sdkWireLogging + "]";
    }

    /** Builds a {@link VonageV2Config}; unset optional settings keep the documented defaults. */
    public static final class Builder {
        private String apiKey;
        private String apiSecret;
        private VonageApplication application;
        private URI baseUri = SettingChecks.DEFAULT_BASE_URI;
        private Duration timeout = SettingChecks.DEFAULT_TIMEOUT;
        private String whatsappFrom;
        private EmailAddress emailFrom;
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

        /** Authenticates every call with a JWT of this application. */
        public Builder application(VonageApplication application) {
            this.application = application;
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

        /** The WhatsApp Business number, E.164 digits without {@code +}; turns the WhatsApp channel on. */
        public Builder whatsappFrom(String number) {
            this.whatsappFrom = number;
            return this;
        }

        public Builder emailFrom(EmailAddress sender) {
            this.emailFrom = sender;
            return this;
        }

        /** Parses the sender address. */
        public Builder emailFrom(String sender) {
            try {
                return emailFrom(EmailAddress.parse(sender));
            } catch (InvalidInputException malformed) {
                throw new IllegalArgumentException("emailFrom: " + malformed.getMessage(), malformed);
            }
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Lets SDK debug logging through; it prints credentials and codes, so only for local debugging. */
        public Builder sdkWireLogging(boolean allowed) {
            this.sdkWireLogging = allowed;
            return this;
        }

        public VonageV2Config build() {
            return new VonageV2Config(apiKey, apiSecret, Optional.ofNullable(application), baseUri, timeout,
                    Optional.ofNullable(whatsappFrom), Optional.ofNullable(emailFrom), clock, sdkWireLogging);
        }
    }
}
