package dev.phoneverify.core.usecase;

import dev.phoneverify.core.port.StoreUnavailableException;

/**
 * Driving port for status the provider pushes (Vonage v2's callbacks): a webhook intake calls it with each update
 * it has verified. Updates are applied idempotently: a duplicate, late or out-of-order one changes nothing. A
 * terminal update ends the flow with its reason and emits the same events as any other transition.
 */
public interface ApplyProviderStatus {

    /**
     * Applies one update.
     *
     * @throws StoreUnavailableException the flow could not be read or saved; the provider should retry
     */
    UpdateResult apply(ProviderUpdate update);
}
