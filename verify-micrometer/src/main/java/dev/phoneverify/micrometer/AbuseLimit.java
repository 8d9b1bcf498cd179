package dev.phoneverify.micrometer;

import dev.phoneverify.core.usecase.Refusal;
import java.util.Optional;

/** The abuse control behind a refusal, if an abuse control refused: one method per refusal case. */
enum AbuseLimit implements Refusal.Visitor<Optional<Refusal.Limit>> {
    INSTANCE;

    @Override
    public Optional<Refusal.Limit> rateLimited(Refusal.RateLimited refusal) {
        return Optional.of(refusal.limit());
    }

    @Override
    public Optional<Refusal.Limit> flowNotFound(Refusal.FlowNotFound refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> flowFinished(Refusal.FlowFinished refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> concurrentVerification(Refusal.ConcurrentVerification refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> cancelNotPermitted(Refusal.CancelNotPermitted refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> noNextStep(Refusal.NoNextStep refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> numberRejected(Refusal.NumberRejected refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> unsupported(Refusal.Unsupported refusal) {
        return Optional.empty();
    }

    @Override
    public Optional<Refusal.Limit> idempotencyKeyConflict(Refusal.IdempotencyKeyConflict refusal) {
        return Optional.empty();
    }
}
