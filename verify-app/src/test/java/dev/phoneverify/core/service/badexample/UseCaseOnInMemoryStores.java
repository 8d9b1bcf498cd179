package dev.phoneverify.core.service.badexample;

import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.store.InMemoryStores;

/**
 * Deliberately bad: a use case that picks the in-memory stores itself, which the core's layering forbids (the
 * stores are adapters an app chooses). It lives in test sources only; {@code ArchitectureTest} imports it on
 * purpose to show the layered rule fails when broken.
 */
public final class UseCaseOnInMemoryStores {
    private final AbuseControls controls = InMemoryStores.defaultAbuseControls();

    public AbuseControls controls() {
        return controls;
    }
}
