package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.usecase.StableNames;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REFUSAL;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REFUSAL_LIMIT;

import dev.phoneverify.core.usecase.Refusal;
import io.opentelemetry.api.common.Attributes;

/** The attributes of a refusal: its kind, and the abuse control behind a rate limit. One method per case. */
enum RefusalAttributes implements Refusal.Visitor<Attributes> {
    INSTANCE;

    @Override
    public Attributes flowNotFound(Refusal.FlowNotFound refusal) {
        return Attributes.of(REFUSAL, "flow_not_found");
    }

    @Override
    public Attributes flowFinished(Refusal.FlowFinished refusal) {
        return Attributes.of(REFUSAL, "flow_finished");
    }

    @Override
    public Attributes rateLimited(Refusal.RateLimited refusal) {
        return Attributes.of(REFUSAL, "rate_limited", REFUSAL_LIMIT, StableNames.of(refusal.limit()));
    }

    @Override
    public Attributes concurrentVerification(Refusal.ConcurrentVerification refusal) {
        return Attributes.of(REFUSAL, "concurrent_verification");
    }

    @Override
    public Attributes cancelNotPermitted(Refusal.CancelNotPermitted refusal) {
        return Attributes.of(REFUSAL, "cancel_not_permitted");
    }

    @Override
    public Attributes noNextStep(Refusal.NoNextStep refusal) {
        return Attributes.of(REFUSAL, "no_next_step");
    }

    @Override
    public Attributes numberRejected(Refusal.NumberRejected refusal) {
        return Attributes.of(REFUSAL, "number_rejected");
    }

    @Override
    public Attributes unsupported(Refusal.Unsupported refusal) {
        return Attributes.of(REFUSAL, "unsupported");
    }

    @Override
    public Attributes idempotencyKeyConflict(Refusal.IdempotencyKeyConflict refusal) {
        return Attributes.of(REFUSAL, "idempotency_key_conflict");
    }
}
