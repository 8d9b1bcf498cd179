package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;

/**
 * Outgoing port to a verification provider: one method per provider operation, and a description of what the
 * provider can do.
 *
 * <p>Expected answers, a wrong code included, are values of a small sealed family per operation. Only
 * infrastructure failure is thrown, as {@link GatewayException}. No provider type, status number or error text
 * crosses this port. The use cases read {@link #capabilities()} and never ask for what it leaves out.
 * Implementations are thread-safe.
 */
public interface VerificationGateway {

    /** What this provider can do; the same value on every call. */
    GatewayCapabilities capabilities();

    /** Asks the provider to send a first code. */
    StartOutcome start(StartRequest request);

    /** Checks a code the user typed against the request. */
    CheckOutcome check(RequestId requestId, VerificationCode code);

    /** Cancels the request, so a correct code no longer completes it. */
    CancelOutcome cancel(RequestId requestId);

    /** Moves delivery to the next step now (for example from SMS to a voice call). */
    AdvanceOutcome advance(RequestId requestId);

    /**
     * Looks up where the request stands. Called only when {@link GatewayCapabilities#statusLookup()} is true; a
     * gateway without a lookup answers {@link RequestStatus#UNKNOWN}.
     */
    RequestStatus status(RequestId requestId);
}
