package dev.phoneverify.micrometer;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Decorator of the next-step use case: counts the resends an abuse control refused (the resend cooldown). */
final class RefusalCountingNextStep implements MoveToNextStep {
    private final MoveToNextStep delegate;
    private final Supplier<List<RegistryMeters>> registries;

    RefusalCountingNextStep(MoveToNextStep delegate, Supplier<List<RegistryMeters>> registries) {
        this.delegate = delegate;
        this.registries = registries;
    }

    @Override
    public NextStepResult next(FlowId id) {
        NextStepResult result = delegate.next(id);
        result.accept(new NextStepResult.Visitor<Optional<Refusal>>() {
            @Override
            public Optional<Refusal> advanced(NextStepResult.Advanced advanced) {
                return Optional.empty();
            }

            @Override
            public Optional<Refusal> refused(NextStepResult.Refused refused) {
                return Optional.of(refused.refusal());
            }
        }).flatMap(refusal -> refusal.accept(AbuseLimit.INSTANCE))
                .ifPresent(limit -> registries.get().forEach(meters -> meters.refused(limit)));
        return result;
    }
}
