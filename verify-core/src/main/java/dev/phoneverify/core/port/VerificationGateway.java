package dev.phoneverify.core.port;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;

/**
 * Outgoing port to a verification provider: one method per provider operation.
 *
 * <p>Expected answers, a wrong code included, are values of a small sealed family per operation. Only
 * infrastructure failure is thrown, as {@link GatewayException}. No provider type, status number or error text
 * crosses this port. Implementations are thread-safe.
 */
public interface VerificationGateway {

    /** Asks the provider to send a first code. */
    StartOutcome start(StartRequest request);

    /** Checks a code the user typed against the request. */
    CheckOutcome check(RequestId requestId, VerificationCode code);

    /** Cancels the request, so a correct code no longer completes it. */
    CancelOutcome cancel(RequestId requestId);

    /** Moves delivery to the next step now (for example from SMS to a voice call). */
    AdvanceOutcome advance(RequestId requestId);

    /** Looks up where the request stands. */
    RequestStatus status(RequestId requestId);
}
