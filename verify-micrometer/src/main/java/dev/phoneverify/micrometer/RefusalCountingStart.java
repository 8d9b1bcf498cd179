package dev.phoneverify.micrometer;

import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Decorator of the start use case: counts the starts an abuse control refused, which the core emits no event for. */
final class RefusalCountingStart implements StartVerification {
    private final StartVerification delegate;
    private final Supplier<List<RegistryMeters>> registries;

    RefusalCountingStart(StartVerification delegate, Supplier<List<RegistryMeters>> registries) {
        this.delegate = delegate;
        this.registries = registries;
    }

    @Override
    public StartResult start(StartCommand command) {
        StartResult result = delegate.start(command);
        result.accept(new StartResult.Visitor<Optional<Refusal>>() {
            @Override
            public Optional<Refusal> started(StartResult.Started started) {
                return Optional.empty();
            }

            @Override
            public Optional<Refusal> refused(StartResult.Refused refused) {
                return Optional.of(refused.refusal());
            }
        }).flatMap(refusal -> refusal.accept(AbuseLimit.INSTANCE))
                .ifPresent(limit -> registries.get().forEach(meters -> meters.refused(limit)));
        return result;
    }
}
