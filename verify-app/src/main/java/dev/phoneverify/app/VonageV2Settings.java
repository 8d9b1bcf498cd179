package dev.phoneverify.app;

import dev.phoneverify.adapter.vonage.VonageV2Config;
import dev.phoneverify.adapter.vonage.webhook.WebhookSettings;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What {@code VERIFY_GATEWAY=vonage-v2} runs on: the v2 gateway's settings ({@link VonageV2Config#fromEnvironment}),
 * the callback intake's ({@link WebhookSettings#fromEnvironment}), the workflow every start gets and where the
 * callbacks are received.
 *
 * @param gateway     credentials, base URL, senders
 * @param webhook     the signature secret and the allowed age of a callback's token
 * @param workflow    {@code VERIFY_WORKFLOW} (default {@code sms,voice}), each step lasting
 *                    {@code VERIFY_CHANNEL_TIMEOUT} seconds when that is set (else Vonage's 180 s)
 * @param webhookPath {@code VERIFY_WEBHOOK_PATH}, default {@value #DEFAULT_WEBHOOK_PATH}
 */
public record VonageV2Settings(VonageV2Config gateway, WebhookSettings webhook, Workflow workflow,
                               String webhookPath) {
    public static final String DEFAULT_WEBHOOK_PATH = "/webhooks/vonage/verify";
    public static final String DEFAULT_WORKFLOW = "sms,voice";
    /** Vonage v2's {@code channel_timeout} range (facts 2.3); the gateway refuses anything else at every start. */
    private static final long MIN_CHANNEL_TIMEOUT = 15;
    private static final long MAX_CHANNEL_TIMEOUT = 900;
    /** A path of plain segments, outside the app's own addresses. */
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
    private static final List<String> TAKEN = List.of("/api", "/verify", "/dev", "/health");

    public VonageV2Settings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(webhookPath, "webhookPath");
    }

    /**
     * Reads the settings; {@code value} gives a setting stripped, empty when unset or blank.
     *
     * @throws ConfigException naming the first missing or malformed setting
     */
    static VonageV2Settings read(Map<String, String> settings, Function<String, Optional<String>> value) {
        Workflow workflow = workflow(value);
        if (workflow.channels().contains(Channel.WHATSAPP) && value.apply("VONAGE_WHATSAPP_FROM").isEmpty()) {
            throw new ConfigException("VONAGE_WHATSAPP_FROM is not set; VERIFY_WORKFLOW " + workflow
                    + " has a WhatsApp step, which is sent from a WhatsApp Business number such as +447700900000");
        }
        VonageV2Config gateway = AdapterSettings.read(() -> VonageV2Config.fromEnvironment(settings));
        WebhookSettings webhook = AdapterSettings.read(() -> WebhookSettings.fromEnvironment(settings, workflow));
        return new VonageV2Settings(gateway, webhook, workflow, webhookPath(value));
    }

    private static Workflow workflow(Function<String, Optional<String>> value) {
        Workflow workflow;
        String text = value.apply("VERIFY_WORKFLOW").orElse(DEFAULT_WORKFLOW);
        try {
            workflow = Workflow.parse(text);
        } catch (InvalidInputException e) {
            throw new ConfigException("VERIFY_WORKFLOW must be a comma list of 1 to 3 of sms, voice, whatsapp and"
                    + " email, such as whatsapp,sms,voice; " + e.getMessage());
        }
        Optional<String> timeout = value.apply("VERIFY_CHANNEL_TIMEOUT");
        return timeout.isEmpty() ? workflow : workflow.withStepTimeout(channelTimeout(timeout.get()));
    }

    private static Duration channelTimeout(String text) {
        try {
            long seconds = Long.parseLong(text);
            if (seconds >= MIN_CHANNEL_TIMEOUT && seconds <= MAX_CHANNEL_TIMEOUT) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // falls through to the one message below
        }
        throw new ConfigException("VERIFY_CHANNEL_TIMEOUT must be whole seconds from " + MIN_CHANNEL_TIMEOUT + " to "
                + MAX_CHANNEL_TIMEOUT + ", how long each step waits before the next, was '"
                + AppConfig.printable(text) + "'");
    }

    private static String webhookPath(Function<String, Optional<String>> value) {
        String path = value.apply("VERIFY_WEBHOOK_PATH").orElse(DEFAULT_WEBHOOK_PATH);
        boolean taken = TAKEN.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
        if (!PATH.matcher(path).matches() || taken) {
            throw new ConfigException("VERIFY_WEBHOOK_PATH must be a path such as " + DEFAULT_WEBHOOK_PATH
                    + ", outside /api, /verify, /dev and /health, was '" + AppConfig.printable(path) + "'");
        }
        return path;
    }
}
