package dev.phoneverify.micrometer;

import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;

/** The {@link PhoneVerifyMeterNames#OUTCOME} tag of each answer a provider gives: one method per case. */
enum GatewayOutcomeTag implements StartOutcome.Visitor<String>, CheckOutcome.Visitor<String>,
        CancelOutcome.Visitor<String>, AdvanceOutcome.Visitor<String> {
    INSTANCE;

    @Override
    public String started(StartOutcome.Started started) {
        return "started";
    }

    @Override
    public String rejected(StartOutcome.Rejected rejected) {
        return "rejected";
    }

    @Override
    public String concurrentVerification(StartOutcome.ConcurrentVerification concurrent) {
        return "concurrent_verification";
    }

    @Override
    public String correct(CheckOutcome.Correct correct) {
        return "correct";
    }

    @Override
    public String wrongCode(CheckOutcome.WrongCode wrong) {
        return "wrong_code";
    }

    @Override
    public String tooManyAttempts(CheckOutcome.TooManyAttempts tooMany) {
        return "too_many_attempts";
    }

    @Override
    public String notFound(CheckOutcome.NotFound notFound) {
        return "not_found";
    }

    @Override
    public String cancelled(CancelOutcome.Cancelled cancelled) {
        return "cancelled";
    }

    @Override
    public String notPermitted(CancelOutcome.NotPermitted refused) {
        return "not_permitted";
    }

    @Override
    public String notFound(CancelOutcome.NotFound notFound) {
        return "not_found";
    }

    @Override
    public String advanced(AdvanceOutcome.Advanced advanced) {
        return "advanced";
    }

    @Override
    public String noStepsLeft(AdvanceOutcome.NoStepsLeft noStepsLeft) {
        return "no_steps_left";
    }

    @Override
    public String notFound(AdvanceOutcome.NotFound notFound) {
        return "not_found";
    }
}
