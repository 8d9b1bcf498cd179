package dev.phoneverify.adapter.vonage;

import com.vonage.client.VonageApiResponseException;
import com.vonage.client.VonageClientException;
import com.vonage.client.VonageMethodFailedException;
import com.vonage.client.VonageResponseParseException;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.GatewayException.Reason;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Turns what the SDK throws (other than v1's control calls' {@code VerifyException}, which carries a status, and
 * v2's problem answers, read by {@link Verify2Problems}) into the port's {@link GatewayException}, keeping the SDK
 * exception as the cause.
 *
 * <p>Our messages never repeat the SDK's: a {@code VonageApiResponseException}'s message is the raw response body,
 * and a parse error's may quote it, so either could carry whatever the server echoed.
 */
final class VonageFailures {

    private VonageFailures() {
    }

    static GatewayException of(String operation, RuntimeException thrown) {
        if (thrown instanceof VonageMethodFailedException) {
            // Apache's connect timeout and the JDK's SocketTimeoutException are both InterruptedIOExceptions.
            if (causedBy(thrown, InterruptedIOException.class)) {
                return new GatewayException(Reason.TIMEOUT, "Vonage did not answer " + operation + " in time", thrown);
            }
            return new GatewayException(Reason.UNAVAILABLE, "Vonage could not be reached for " + operation, thrown);
        }
        if (thrown instanceof VonageApiResponseException) {
            // Verify v1 leaves getStatusCode() at 0, so a 401 cannot be told from a 503: treat all as an outage.
            return new GatewayException(Reason.UNAVAILABLE,
                    "Vonage answered " + operation + " with an HTTP error status", thrown);
        }
        if (thrown instanceof VonageResponseParseException) {
            return new GatewayException(Reason.BAD_RESPONSE,
                    "Vonage's answer to " + operation + " could not be read", thrown);
        }
        if (thrown instanceof VonageClientException) {
            return new GatewayException(Reason.MISCONFIGURED,
                    "the Vonage client refused " + operation + " (" + thrown.getClass().getSimpleName() + ")", thrown);
        }
        return new GatewayException(Reason.BAD_RESPONSE,
                "unexpected failure in " + operation + " (" + thrown.getClass().getSimpleName() + ")", thrown);
    }

    static GatewayException of(String operation, Reason reason) {
        return new GatewayException(reason, "Vonage refused " + operation + ": " + describe(reason));
    }

    /** {@link #of(String, Reason)} with a short note of ours appended (never text from the response). */
    static GatewayException of(String operation, Reason reason, String note, Duration retryAfter, Throwable cause) {
        return new GatewayException(reason, "Vonage refused " + operation + ": " + describe(reason) + note,
                retryAfter, cause);
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case THROTTLED -> "too many requests, slow down";
            case UNAVAILABLE -> "internal error on Vonage's side";
            case MISCONFIGURED -> "the account, credentials or settings are not accepted";
            case TIMEOUT -> "no answer in time";
            case BAD_RESPONSE -> "the answer could not be read";
        };
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
