package dev.phoneverify.core.usecase;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;

/** Driving port: move delivery to the next step now, for example from SMS to a voice call. */
public interface MoveToNextStep {

    /**
     * Asks the provider for the next step, unless the resend cooldown or the gateway's capabilities refuse.
     *
     * @throws GatewayException          the provider could not be asked; the flow is unchanged
     * @throws StoreUnavailableException the flow could not be read or saved
     */
    NextStepResult next(FlowId id);
}
