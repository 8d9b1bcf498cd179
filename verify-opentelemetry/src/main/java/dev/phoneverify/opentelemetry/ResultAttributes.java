package dev.phoneverify.opentelemetry;

import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.OUTCOME;

import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.UpdateResult;
import io.opentelemetry.api.common.Attributes;

/** The attributes a use case's result adds to its span: the result's case, and the flow it left or the refusal. */
final class ResultAttributes {
    private final Spans spans;

    ResultAttributes(Spans spans) {
        this.spans = spans;
    }

    Attributes start(StartResult result) {
        return result.accept(new StartResult.Visitor<>() {
            @Override
            public Attributes started(StartResult.Started started) {
                return flow("started", started.flow());
            }

            @Override
            public Attributes refused(StartResult.Refused refused) {
                return refusal(refused.refusal());
            }
        });
    }

    Attributes check(CheckResult result) {
        return result.accept(new CheckResult.Visitor<>() {
            @Override
            public Attributes verified(CheckResult.Verified verified) {
                return flow("verified", verified.flow());
            }

            @Override
            public Attributes wrongCode(CheckResult.WrongCode wrong) {
                return flow("wrong_code", wrong.flow());
            }

            @Override
            public Attributes failed(CheckResult.Failed failed) {
                return flow("failed", failed.flow());
            }

            @Override
            public Attributes expired(CheckResult.Expired expired) {
                return flow("expired", expired.flow());
            }

            @Override
            public Attributes refused(CheckResult.Refused refused) {
                return refusal(refused.refusal());
            }
        });
    }

    Attributes cancel(CancelResult result) {
        return result.accept(new CancelResult.Visitor<>() {
            @Override
            public Attributes cancelled(CancelResult.Cancelled cancelled) {
                return flow("cancelled", cancelled.flow());
            }

            @Override
            public Attributes refused(CancelResult.Refused refused) {
                return refusal(refused.refusal());
            }
        });
    }

    Attributes next(NextStepResult result) {
        return result.accept(new NextStepResult.Visitor<>() {
            @Override
            public Attributes advanced(NextStepResult.Advanced advanced) {
                return flow("advanced", advanced.flow());
            }

            @Override
            public Attributes refused(NextStepResult.Refused refused) {
                return refusal(refused.refusal());
            }
        });
    }

    Attributes update(UpdateResult result) {
        String outcome = Values.update(result.outcome());
        return result.flow().map(flow -> flow(outcome, flow)).orElseGet(() -> Attributes.of(OUTCOME, outcome));
    }

    private Attributes flow(String outcome, VerificationFlow flow) {
        return spans.flow(flow).put(OUTCOME, outcome).build();
    }

    private static Attributes refusal(Refusal refusal) {
        return refusal.accept(RefusalAttributes.INSTANCE).toBuilder().put(OUTCOME, "refused").build();
    }
}
