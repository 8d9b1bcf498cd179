package dev.phoneverify.api;

import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import java.time.Duration;

/**
 * The problems of the few failures that stay exceptions: malformed input, a provider or store that cannot be
 * reached, and the HTTP layer's own refusals. Refusals of the core are values and map in {@link RefusalProblems}.
 * The form pages use the same problems, so a status means the same thing on both.
 */
public final class Problems {
    /** What a caller is asked to wait when the provider throttled without saying how long. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** What a caller is asked to wait when the store is down: about one connection timeout, so retries do not pile up. */
    public static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(3);

    private Problems() {
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem invalidRequest(String detail) {
        return new Problem(400, "invalid-request", "Invalid request", detail);
    }

    public static Problem internalError() {
        return new Problem(500, "internal-error", "Internal error",
                "the server failed unexpectedly; the failure has been logged");
    }

    /** A value refused when it was parsed; its message says what a valid one looks like. */
    public static Problem invalidInput(InvalidInputException invalid) {
        return switch (invalid.field()) {
            case NUMBER -> new Problem(400, "invalid-number", "Invalid phone number", invalid.getMessage());
            case CODE -> new Problem(400, "invalid-code", "Invalid code", invalid.getMessage());
            // A malformed id names no verification, just like an unknown one.
            case FLOW_ID -> notFound("no verification has this id");
            case BRAND, REQUEST_ID, POLICY, CLIENT_KEY, EMAIL, CLIENT_REFERENCE, WORKFLOW, IDEMPOTENCY_KEY ->
                    invalidRequest(invalid.getMessage());
        };
    }

    /** The provider could not be asked; throttling is the caller's to wait out, anything else is ours. */
    public static Problem gatewayFailure(GatewayException gateway) {
        return switch (gateway.reason()) {
            case THROTTLED -> {
                Duration wait = gateway.retryAfter().filter(d -> !d.isNegative() && !d.isZero())
                        .orElse(DEFAULT_RETRY_AFTER);
                yield new Problem(429, "throttled", "Too many requests",
                        "the provider asks us to slow down; try again in " + seconds(wait) + " s").retryAfter(wait);
            }
            case UNAVAILABLE, TIMEOUT, BAD_RESPONSE, MISCONFIGURED -> new Problem(503, "gateway-unavailable",
                    "Verification provider unavailable",
                    "the verification provider cannot be reached right now; nothing changed, try again shortly")
                    .with("retryable", gateway.isRetryable());
        };
    }

    /** A body over {@link JsonBodies#MAX_BODY_BYTES}. */
    public static Problem payloadTooLarge() {
        return new Problem(413, "payload-too-large", "Payload too large",
                "a request body has at most " + JsonBodies.MAX_BODY_BYTES + " bytes");
    }

    /** A body that is not JSON where JSON is read. */
    public static Problem unsupportedMediaType() {
        return new Problem(415, "unsupported-media-type", "Unsupported media type",
                "send the body as application/json");
    }

    /** The answer to a status the HTTP layer chose itself: no route, wrong method, a body too large. */
    public static Problem forStatus(int status) {
        return switch (status) {
            case 404 -> notFound("nothing is served at this address");
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed",
                    "this address does not answer that HTTP method");
            case 413 -> payloadTooLarge();
            default -> status >= 400 && status < 500
                    ? new Problem(status, "invalid-request", "Invalid request", "the request could not be handled")
                    : internalError();
        };
    }

    public static Problem storeUnavailable() {
        return new Problem(503, "store-unavailable", "Verification store unavailable",
                "verifications cannot be read or saved right now; nothing changed, try again shortly")
                .with("retryable", true).retryAfter(STORE_RETRY_AFTER);
    }

    /** Whole seconds, rounded up, so a client never retries early. */
    public static long seconds(Duration wait) {
        return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    }
}
