package dev.phoneverify.micrometer;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decorators of the two use cases that send a code: they count the sends an abuse control refused, which the core
 * reports as a value and emits no event for.
 */
final class RefusalCounting {
    private RefusalCounting() {
    }

    record Start(StartVerification delegate, Supplier<List<RegistryMeters>> registries) implements StartVerification {
        @Override
        public StartResult start(StartCommand command) {
            StartResult result = delegate.start(command);
            count(result.accept(new StartResult.Visitor<Optional<Refusal>>() {
                @Override
                public Optional<Refusal> started(StartResult.Started started) {
                    return Optional.empty();
                }

                @Override
                public Optional<Refusal> refused(StartResult.Refused refused) {
                    return Optional.of(refused.refusal());
                }
            }), registries);
            return result;
        }
    }

    record NextStep(MoveToNextStep delegate, Supplier<List<RegistryMeters>> registries) implements MoveToNextStep {
        @Override
        public NextStepResult next(FlowId id) {
            NextStepResult result = delegate.next(id);
            count(result.accept(new NextStepResult.Visitor<Optional<Refusal>>() {
                @Override
                public Optional<Refusal> advanced(NextStepResult.Advanced advanced) {
                    return Optional.empty();
                }

                @Override
                public Optional<Refusal> refused(NextStepResult.Refused refused) {
                    return Optional.of(refused.refusal());
                }
            }), registries);
            return result;
        }
    }

    private static void count(Optional<Refusal> refusal, Supplier<List<RegistryMeters>> registries) {
        refusal.flatMap(refused -> refused.accept(AbuseLimit.INSTANCE))
                .ifPresent(limit -> registries.get().forEach(meters -> meters.refused(limit)));
    }
}
