package dev.phoneverify.adapter.vonage.webhook;

import dev.phoneverify.core.domain.Workflow;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the callback intake. Every setting is checked when the value is built, with an
 * {@link IllegalArgumentException} naming it; {@link #toString()} never shows a secret.
 *
 * @param signatureSecrets the account's signature secrets (not the API secret); a token signed with any of them
 *                         passes, so a secret can be rotated without downtime: add the new one, then drop the old
 * @param apiKey           when present, a token must name this account in its {@code api_key} claim
 * @param maxAge           how old a token's {@code iat} may be; token ids are remembered this long. Default 5 min
 * @param clockSkew        how far ahead of this clock an {@code iat} may be. Default 30 s
 * @param workflow         the delivery steps the app starts with: when a step's event says it ended, the flow's
 *                         channel becomes the step after it
 * @param maxBodyBytes     a bigger body is refused with 413 before anything is checked. Default 64 KiB
 * @param clock            the time {@code iat} is judged by
 */
public record WebhookSettings(List<String> signatureSecrets, Optional<String> apiKey, Duration maxAge,
                              Duration clockSkew, Workflow workflow, int maxBodyBytes, Clock clock) {
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    /** The variables {@link #fromEnvironment} reads. */
    public static final String SIGNATURE_SECRET = "VONAGE_SIGNATURE_SECRET";
    public static final String MAX_AGE = "VERIFY_WEBHOOK_MAX_AGE";
    private static final Duration LONGEST_AGE = Duration.ofHours(1);

    public WebhookSettings {
        signatureSecrets = List.copyOf(Objects.requireNonNull(signatureSecrets, "signatureSecrets"));
        if (signatureSecrets.isEmpty() || signatureSecrets.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new IllegalArgumentException("signatureSecrets: at least one, none blank");
        }
        Objects.requireNonNull(apiKey, "apiKey");
        requireBetween("maxAge", maxAge, Duration.ofSeconds(1), LONGEST_AGE);
        requireBetween("clockSkew", clockSkew, Duration.ZERO, Duration.ofMinutes(5));
        Objects.requireNonNull(workflow, "workflow");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** One secret, the defaults for the rest, the system clock. */
    public static WebhookSettings of(String signatureSecret, Workflow workflow) {
        return new WebhookSettings(List.of(Objects.requireNonNull(signatureSecret, "signatureSecret")),
                Optional.empty(), DEFAULT_MAX_AGE, DEFAULT_CLOCK_SKEW, workflow, DEFAULT_MAX_BODY_BYTES,
                Clock.systemUTC());
    }

    /**
     * Reads {@code VONAGE_SIGNATURE_SECRET} (required) and {@code VERIFY_WEBHOOK_MAX_AGE} (whole seconds, 1 to 3600;
     * default 300), and {@code VONAGE_API_KEY} as the account tokens must name.
     *
     * @throws IllegalArgumentException naming the first missing or malformed variable, never echoing the secret
     */
    public static WebhookSettings fromEnvironment(Map<String, String> environment, Workflow workflow) {
        String secret = value(environment, SIGNATURE_SECRET).orElseThrow(() -> new IllegalArgumentException(
                SIGNATURE_SECRET + " is not set; the vonage-v2 gateway needs the account's signature secret (not the"
                        + " API secret) to check the callbacks Vonage signs"));
        Duration maxAge = value(environment, MAX_AGE).map(WebhookSettings::seconds).orElse(DEFAULT_MAX_AGE);
        return new WebhookSettings(List.of(secret), value(environment, "VONAGE_API_KEY"), maxAge, DEFAULT_CLOCK_SKEW,
                workflow, DEFAULT_MAX_BODY_BYTES, Clock.systemUTC());
    }

    /** These settings judging time by {@code newClock}. */
    public WebhookSettings withClock(Clock newClock) {
        return new WebhookSettings(signatureSecrets, apiKey, maxAge, clockSkew, workflow, maxBodyBytes, newClock);
    }

    /** These settings with another allowed age. */
    public WebhookSettings withMaxAge(Duration age) {
        return new WebhookSettings(signatureSecrets, apiKey, age, clockSkew, workflow, maxBodyBytes, clock);
    }

    /** These settings requiring tokens to name {@code key}. */
    public WebhookSettings withApiKey(String key) {
        return new WebhookSettings(signatureSecrets, Optional.of(key), maxAge, clockSkew, workflow, maxBodyBytes,
                clock);
    }

    @Override
    public String toString() {
        return "WebhookSettings[signatureSecrets=(" + signatureSecrets.size() + ", redacted), apiKey="
                + apiKey.orElse("(any)") + ", maxAge=" + maxAge + ", clockSkew=" + clockSkew + ", workflow="
                + workflow + ", maxBodyBytes=" + maxBodyBytes + ", clock=" + clock + "]";
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= 1 && seconds <= LONGEST_AGE.toSeconds()) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
        throw new IllegalArgumentException(MAX_AGE + " must be whole seconds from 1 to " + LONGEST_AGE.toSeconds()
                + ", was '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }

    private static void requireBetween(String name, Duration value, Duration min, Duration max) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ", was " + value);
        }
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        String raw = environment.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }
}
