package dev.phoneverify.adapter.fake.badexample;

import dev.phoneverify.adapter.vonage.VonageConfig;

/**
 * Deliberately bad: a fake that reaches into the Vonage adapter, which the onion rule forbids (no adapter imports
 * another). It lives in test sources only; {@code ArchitectureTest} imports it on purpose to show the rule fails
 * when broken.
 */
public final class FakeThatCallsVonage {
    private final VonageConfig config;

    public FakeThatCallsVonage(VonageConfig config) {
        this.config = config;
    }

    public VonageConfig config() {
        return config;
    }
}
