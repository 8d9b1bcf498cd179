package dev.phoneverify.app.web;

import java.util.Objects;

/**
 * What {@code /health/ready} asks: whether the store and the gateway can be used now. The app's modules supply
 * both, so the web layer knows no adapter.
 */
public record ReadinessChecks(Check store, Check gateway) {

    /** One dependency's check; it answers within a few seconds, and false rather than throwing. */
    @FunctionalInterface
    public interface Check {
        boolean isUp();
    }

    public ReadinessChecks {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(gateway, "gateway");
    }
}
