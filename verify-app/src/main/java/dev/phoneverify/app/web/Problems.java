package dev.phoneverify.app.web;

import dev.phoneverify.core.domain.IllegalTransitionException;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome.RejectionReason;
import dev.phoneverify.core.service.CancelNotPermittedException;
import dev.phoneverify.core.service.ConcurrentVerificationException;
import dev.phoneverify.core.service.FlowFinishedException;
import dev.phoneverify.core.service.FlowNotFoundException;
import dev.phoneverify.core.service.NoNextStepException;
import dev.phoneverify.core.service.NumberRejectedException;
import dev.phoneverify.core.service.RateLimitedException;
import java.time.Duration;
import java.util.Optional;

/**
 * Maps every refusal the service, the input parsers and the HTTP layer raise to the problem the API answers. The
 * form pages use the same mapping, so a status means the same thing on both.
 */
final class Problems {
    /** What a caller is asked to wait when the provider throttled without saying how long. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private Problems() {
    }

    /** The problem for a refusal a caller can act on, or empty for anything else (a bug). */
    static Optional<Problem> of(Exception e) {
        if (e instanceof BadRequestException bad) {
            return Optional.of(bad.problem());
        }
        if (e instanceof InvalidInputException invalid) {
            return Optional.of(invalidInput(invalid));
        }
        if (e instanceof FlowNotFoundException) {
            return Optional.of(notFound("no verification has this id"));
        }
        if (e instanceof FlowFinishedException finished) {
            return Optional.of(finished(finished.state().name()));
        }
        if (e instanceof IllegalTransitionException illegal) {
            return Optional.of(finished(illegal.state().name()));
        }
        if (e instanceof ConcurrentVerificationException) {
            return Optional.of(new Problem(409, "concurrent-verification", "Verification already in progress",
                    "this number already has a verification in progress; finish it or wait until it expires"));
        }
        if (e instanceof CancelNotPermittedException refused) {
            return Optional.of(new Problem(409, "cancel-not-permitted", "Cancel not permitted now",
                    refused.reason().explanation()));
        }
        if (e instanceof NoNextStepException) {
            return Optional.of(new Problem(409, "no-next-step", "No next delivery step",
                    "the last delivery step has already been used; wait for the code or start again later"));
        }
        if (e instanceof RateLimitedException limited) {
            return Optional.of(new Problem(429, "throttled", "Too many requests", limited.getMessage())
                    .with("limit", limited.limit().name()).retryAfter(limited.retryAfter()));
        }
        if (e instanceof NumberRejectedException rejected) {
            return Optional.of(new Problem(422, "number-rejected", "Number rejected", rejection(rejected.reason())));
        }
        if (e instanceof GatewayException gateway) {
            return Optional.of(gatewayProblem(gateway));
        }
        return Optional.empty();
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

    private static Problem finished(String state) {
        return new Problem(409, "finished", "Verification finished",
                "the verification has already ended: it is " + state).with("state", state);
    }

    private static Problem invalidInput(InvalidInputException invalid) {
        switch (invalid.field()) {
            case NUMBER:
                return new Problem(400, "invalid-number", "Invalid phone number", invalid.getMessage());
            case CODE:
                return new Problem(400, "invalid-code", "Invalid code", invalid.getMessage());
            case FLOW_ID:
                // A malformed id names no verification, just like an unknown one.
                return notFound("no verification has this id");
            default:
                return invalidRequest(invalid.getMessage());
        }
    }

    private static String rejection(RejectionReason reason) {
        switch (reason) {
            case INVALID_NUMBER:
                return "the provider says this is not a valid phone number";
            case BARRED:
                return "this number is barred from receiving verification codes";
            case UNSUPPORTED_NETWORK:
                return "the provider does not deliver to this number's network";
            default:
                return "this account may not send verification codes to this number";
        }
    }

    private static Problem gatewayProblem(GatewayException gateway) {
        if (gateway.reason() == GatewayException.Reason.THROTTLED) {
            Duration wait = gateway.retryAfter().filter(d -> !d.isNegative() && !d.isZero()).orElse(DEFAULT_RETRY_AFTER);
            return new Problem(429, "throttled", "Too many requests",
                    "the provider asks us to slow down; try again in " + seconds(wait) + " s").retryAfter(wait);
        }
        return new Problem(503, "gateway-unavailable", "Verification provider unavailable",
                "the verification provider cannot be reached right now; nothing changed, try again shortly");
    }

    /** Whole seconds, rounded up, so a client never retries early. */
    static long seconds(Duration wait) {
        return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
    }
}
