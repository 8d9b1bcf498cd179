package dev.phoneverify.core.badexample;

import com.google.inject.Inject;
import java.time.Clock;

/**
 * Deliberately bad: a "core" class wired by Guice, which the architecture rules forbid. It lives in test sources
 * only, so the production rules never see it; {@code ArchitectureTest} imports it on purpose to show the core rule
 * fails when broken.
 */
public final class GuiceInjectedCoreService {
    private final Clock clock;

    @Inject
    public GuiceInjectedCoreService(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }
}
