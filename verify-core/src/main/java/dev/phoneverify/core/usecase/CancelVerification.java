package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;

/** Driving port: cancel a pending verification, so a correct code no longer completes it. */
public interface CancelVerification {

    /**
     * Cancels the flow at the provider.
     *
     * @throws GatewayException          the provider could not be asked; the flow is unchanged
     * @throws StoreUnavailableException the flow could not be read or saved
     */
    CancelResult cancel(FlowId id);
}
