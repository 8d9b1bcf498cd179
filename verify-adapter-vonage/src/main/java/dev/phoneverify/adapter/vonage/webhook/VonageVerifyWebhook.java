package dev.phoneverify.adapter.vonage.webhook;

import dev.phoneverify.adapter.vonage.webhook.CallbackParser.MalformedCallbackException;
import dev.phoneverify.adapter.vonage.webhook.CallbackParser.Parsed;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.port.TokenReplayStore;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.UpdateResult;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Adapter: the intake of Vonage Verify v2's signed {@code event} and {@code summary} callbacks, free of any HTTP
 * framework. The HTTP layer passes the {@code Authorization} header and the body bytes exactly as received, and
 * writes the {@link WebhookAnswer}.
 *
 * <p>A token that is missing, forged, stale, from the future, not Vonage's or already used is answered 401 and
 * changes nothing ({@link Forgery}). A genuine callback is applied through {@link ApplyProviderStatus}, which
 * ignores duplicates and late news, and answered 200, also when no flow has its request (so Vonage stops retrying
 * it). Only a store outage answers 503, and then the token is forgotten again so Vonage's retry is taken. Thread-safe.
 *
 * <p>Logs one line per callback: never the token, the secret or the body; token ids are shortened.
 */
public final class VonageVerifyWebhook {
    private static final System.Logger LOG = System.getLogger(VonageVerifyWebhook.class.getName());
    private static final int STORE_RETRY_AFTER_SECONDS = 3;

    private final WebhookSettings settings;
    private final TokenCheck tokens;
    private final CallbackParser parser;
    private final ApplyProviderStatus updates;
    private final TokenReplayStore replays;

    /**
     * @param updates the core's pushed-status port
     * @param replays where accepted token ids are remembered; share one store between instances
     */
    public VonageVerifyWebhook(WebhookSettings settings, ApplyProviderStatus updates, TokenReplayStore replays) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.updates = Objects.requireNonNull(updates, "updates");
        this.replays = Objects.requireNonNull(replays, "replays");
        this.tokens = new TokenCheck(settings);
        this.parser = new CallbackParser(settings.workflow());
    }

    /**
     * Takes one callback.
     *
     * @param authorization the {@code Authorization} header, if the request had one
     * @param body          the request body, byte for byte as received: the signature covers these bytes
     */
    public WebhookAnswer receive(Optional<String> authorization, byte[] body) {
        Objects.requireNonNull(authorization, "authorization");
        Objects.requireNonNull(body, "body");
        if (body.length > settings.maxBodyBytes()) {
            LOG.log(Level.WARNING, "refused a Vonage Verify callback of {0} bytes: more than {1}", body.length,
                    settings.maxBodyBytes());
            return WebhookAnswer.problem(413, "payload-too-large", "Payload too large",
                    "a callback body has at most " + settings.maxBodyBytes() + " bytes");
        }
        TokenCheck.Verdict verdict = tokens.check(authorization, body);
        if (verdict.refusal().isPresent()) {
            return refused(verdict.refusal().get(), body.length, Optional.empty());
        }
        TokenCheck.Signed token = verdict.token().orElseThrow();
        Instant now = settings.clock().instant();
        Parsed parsed;
        try {
            parsed = parser.parse(body, now);
        } catch (MalformedCallbackException e) {
            LOG.log(Level.WARNING, "refused a signed Vonage Verify callback (token {0}): {1}", shortId(token), 
                    e.getMessage());
            return WebhookAnswer.problem(400, "webhook-malformed", "Malformed callback", e.getMessage());
        }
        try {
            if (!replays.rememberIfNew(token.tokenId(), token.issuedAt().plus(settings.maxAge()), now)) {
                return refused(Forgery.REPLAYED, body.length, Optional.of(token));
            }
        } catch (StoreUnavailableException e) {
            return storeDown(parsed, e);
        }
        try {
            String outcome = apply(parsed);
            LOG.log(Level.INFO, "Vonage Verify {0} callback {1} for request {2} (token {3}): {4}", parsed.type(),
                    parsed.status().isEmpty() ? "(no status)" : parsed.status(), parsed.requestId().value(),
                    shortId(token), outcome);
            return WebhookAnswer.accepted();
        } catch (StoreUnavailableException e) {
            forgetQuietly(token);
            return storeDown(parsed, e);
        }
    }

    /** Applies every update of the callback; says what happened, for the log line. */
    private String apply(Parsed parsed) {
        if (parsed.updates().isEmpty()) {
            return "nothing to apply";
        }
        UpdateResult.Outcome strongest = UpdateResult.Outcome.UNCHANGED;
        for (ProviderUpdate update : parsed.updates()) {
            UpdateResult.Outcome outcome = updates.apply(update).outcome();
            if (outcome == UpdateResult.Outcome.UNKNOWN_REQUEST) {
                return "no flow here has this request; answered 200 so Vonage stops retrying";
            }
            if (outcome == UpdateResult.Outcome.APPLIED) {
                strongest = outcome;
            }
        }
        return strongest == UpdateResult.Outcome.APPLIED ? "applied" : "changed nothing (duplicate or late)";
    }

    private WebhookAnswer refused(Forgery forgery, int bodyLength, Optional<TokenCheck.Signed> token) {
        LOG.log(Level.WARNING, "refused a Vonage Verify callback of {0} bytes{1}: {2}", bodyLength,
                token.map(t -> " (token " + shortId(t) + ")").orElse(""), forgery.detail());
        return WebhookAnswer.refused(forgery);
    }

    private static WebhookAnswer storeDown(Parsed parsed, StoreUnavailableException e) {
        LOG.log(Level.WARNING, "Vonage Verify callback for request {0} not applied, Vonage will retry: {1}",
                parsed.requestId().value(), e.getMessage());
        return WebhookAnswer.problem(503, "store-unavailable", "Verification store unavailable",
                "the callback could not be applied now; nothing changed, send it again").retryAfter(
                STORE_RETRY_AFTER_SECONDS);
    }

    private void forgetQuietly(TokenCheck.Signed token) {
        try {
            replays.forget(token.tokenId());
        } catch (StoreUnavailableException e) {
            // The store is down: Vonage's retry carries a new token (facts 2.9: a new jti every time) anyway.
        }
    }

    /** A token id's first characters: enough to match log lines, never the whole id. */
    private static String shortId(TokenCheck.Signed token) {
        String id = token.tokenId();
        return (id.length() > 8 ? id.substring(0, 8) : id.substring(0, Math.min(4, id.length()))) + "...";
    }
}
