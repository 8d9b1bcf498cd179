package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import java.time.Duration;

/**
 * The problems of the few failures that stay exceptions: malformed input, a provider or store that cannot be
 * reached, and the HTTP layer's own refusals. Refusals of the core are values and map in {@link RefusalProblems}.
 * The form pages use the same problems, so a status means the same thing on both.
 */
final class Problems {
    /** What a caller is asked to wait when the provider throttled without saying how long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    /** What a caller is asked to wait when the store is down: about one connection timeout, so retries do not pile up. */
    static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(3);

    private Problems() {
    }

    static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    static Problem invalidRequest(String detail) {
        return new Problem(400, "invalid-request", "Invalid request", detail);
    }

    static Problem internalError() {
        return new Problem(500, "internal-error", "Internal error",
                "the server failed unexpectedly; the failure has been logged");
    }

    /** A value refused when it was parsed; its message says what a valid one looks like. */
    static Problem invalidInput(InvalidInputException invalid) {
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
    static Problem gatewayFailure(GatewayException gateway) {
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

    static Problem storeUnavailable() {
        return new Problem(503, "store-unavailable", "Verification store unavailable",
                "verifications cannot be read or saved right now; nothing changed, try again shortly")
                .with("retryable", true).retryAfter(STORE_RETRY_AFTER);
    }

    /** Whole seconds, rounded up, so a client never retries early. */
    static long seconds(Duration wait) {
        return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    }
}
