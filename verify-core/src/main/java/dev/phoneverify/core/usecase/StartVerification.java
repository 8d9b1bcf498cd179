package dev.phoneverify.core.usecase;

import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;

/** Driving port: send a first code to a number and begin a flow. */
public interface StartVerification {

    /**
     * Sends a first code, unless an abuse control, the gateway's capabilities or the provider refuse.
     *
     * @throws GatewayException          the provider could not be asked; nothing was started here
     * @throws StoreUnavailableException the flow could not be stored; a retry adopts the code already sent
     */
    StartResult start(StartCommand command);
}
