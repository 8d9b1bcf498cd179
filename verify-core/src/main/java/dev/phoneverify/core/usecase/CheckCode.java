package dev.phoneverify.core.usecase;

import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;

/** Driving port: check a code the user typed. */
public interface CheckCode {

    /**
     * Checks the code with the provider. Concurrent checks of one flow each count, and at most one verifies it.
     * When the provider no longer knows the request, its status is looked up (where the gateway can) before
     * deciding; the flow is never guessed verified.
     *
     * @throws GatewayException          the provider could not be asked; the flow is unchanged, no attempt counted
     * @throws StoreUnavailableException the flow could not be read or saved
     */
    CheckResult check(CheckCommand command);
}
