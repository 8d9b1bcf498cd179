package dev.phoneverify.opentelemetry;

import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.CHANNEL;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.OUTCOME;

import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import io.opentelemetry.api.common.Attributes;

/** The attributes of a provider's answer: its case, and the channel it names. One method per case. */
enum GatewayAnswerAttributes implements StartOutcome.Visitor<Attributes>, CheckOutcome.Visitor<Attributes>,
        CancelOutcome.Visitor<Attributes>, AdvanceOutcome.Visitor<Attributes> {
    INSTANCE;

    private static final Attributes NOT_FOUND = Attributes.of(OUTCOME, "not_found");

    @Override
    public Attributes started(StartOutcome.Started started) {
        return Attributes.of(OUTCOME, "started", CHANNEL, started.channel().wireName());
    }

    @Override
    public Attributes rejected(StartOutcome.Rejected rejected) {
        return Attributes.of(OUTCOME, "rejected");
    }

    @Override
    public Attributes concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
        return Attributes.of(OUTCOME, "concurrent_verification");
    }

    @Override
    public Attributes correct(CheckOutcome.Correct correct) {
        return Attributes.of(OUTCOME, "correct");
    }

    @Override
    public Attributes wrongCode(CheckOutcome.WrongCode wrong) {
        return Attributes.of(OUTCOME, "wrong_code");
    }

    @Override
    public Attributes tooManyAttempts(CheckOutcome.TooManyAttempts tooMany) {
        return Attributes.of(OUTCOME, "too_many_attempts");
    }

    @Override
    public Attributes notFound(CheckOutcome.NotFound notFound) {
        return NOT_FOUND;
    }

    @Override
    public Attributes cancelled(CancelOutcome.Cancelled cancelled) {
        return Attributes.of(OUTCOME, "cancelled");
    }

    @Override
    public Attributes notPermitted(CancelOutcome.NotPermitted refused) {
        return Attributes.of(OUTCOME, "not_permitted");
    }

    @Override
    public Attributes notFound(CancelOutcome.NotFound notFound) {
        return NOT_FOUND;
    }

    @Override
    public Attributes advanced(AdvanceOutcome.Advanced advanced) {
        return Attributes.of(OUTCOME, "advanced", CHANNEL, advanced.channel().wireName());
    }

    @Override
    public Attributes noStepsLeft(AdvanceOutcome.NoStepsLeft noStepsLeft) {
        return Attributes.of(OUTCOME, "no_steps_left");
    }

    @Override
    public Attributes notFound(AdvanceOutcome.NotFound notFound) {
        return NOT_FOUND;
    }
}
