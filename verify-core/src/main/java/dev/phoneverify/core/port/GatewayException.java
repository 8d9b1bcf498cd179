package dev.phoneverify.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The provider could not be asked or did not answer usably. Nothing changed on our side; {@link #isRetryable()}
 * says whether the same call may simply be tried again.
 */
public final class GatewayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** Connection refused, reset, or an HTTP 5xx: try again later. */
        UNAVAILABLE(true),
        /** No answer within the timeout; the call may or may not have taken effect. */
        TIMEOUT(true),
        /** The provider asked us to slow down. */
        THROTTLED(true),
        /** The answer could not be understood. */
        BAD_RESPONSE(true),
        /** Credentials, account or configuration are wrong; retrying will not help until someone fixes them. */
        MISCONFIGURED(false);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }
    }

    private final Reason reason;
    private final transient Duration retryAfter;

    public GatewayException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public GatewayException(Reason reason, String message, Throwable cause) {
        this(reason, message, null, cause);
    }

    public GatewayException(Reason reason, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public boolean isRetryable() {
        return reason.retryable;
    }

    /** How long the provider asked us to wait, when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
