package dev.phoneverify.opentelemetry;

import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.EXPIRED_COUNT;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.OUTCOME;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.usecase.ApplyProviderStatus;
import dev.phoneverify.core.usecase.CancelResult;
import dev.phoneverify.core.usecase.CancelVerification;
import dev.phoneverify.core.usecase.CheckCode;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.FindVerification;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.NextStepResult;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.core.usecase.UpdateResult;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import java.util.Optional;

/** Decorators of the driving ports: one INTERNAL span per command, named for the use case. */
final class TracedUseCases {
    static final String START = "phoneverify start";
    static final String CHECK = "phoneverify check";
    static final String CANCEL = "phoneverify cancel";
    static final String NEXT_STEP = "phoneverify next_step";
    static final String FIND = "phoneverify find";
    static final String EXPIRE_DUE = "phoneverify expire_due";
    static final String APPLY_STATUS = "phoneverify apply_status";

    private TracedUseCases() {
    }

    record Start(StartVerification delegate, Spans spans, ResultAttributes results) implements StartVerification {
        @Override
        public StartResult start(StartCommand command) {
            return spans.around(START, SpanKind.INTERNAL, spans.number(command.number()),
                    () -> delegate.start(command), results::start);
        }
    }

    record Check(CheckCode delegate, Spans spans, ResultAttributes results) implements CheckCode {
        @Override
        public CheckResult check(CheckCommand command) {
            return spans.around(CHECK, SpanKind.INTERNAL, spans.flowId(command.flow()),
                    () -> delegate.check(command), results::check);
        }
    }

    record Cancel(CancelVerification delegate, Spans spans, ResultAttributes results) implements CancelVerification {
        @Override
        public CancelResult cancel(FlowId id) {
            return spans.around(CANCEL, SpanKind.INTERNAL, spans.flowId(id), () -> delegate.cancel(id),
                    results::cancel);
        }
    }

    record NextStep(MoveToNextStep delegate, Spans spans, ResultAttributes results) implements MoveToNextStep {
        @Override
        public NextStepResult next(FlowId id) {
            return spans.around(NEXT_STEP, SpanKind.INTERNAL, spans.flowId(id), () -> delegate.next(id),
                    results::next);
        }
    }

    record Find(FindVerification delegate, Spans spans) implements FindVerification {
        @Override
        public Optional<VerificationFlow> find(FlowId id) {
            return spans.around(FIND, SpanKind.INTERNAL, spans.flowId(id), () -> delegate.find(id),
                    found -> found.map(flow -> spans.flow(flow).put(OUTCOME, "found").build())
                            .orElseGet(() -> Attributes.of(OUTCOME, "not_found")));
        }

        @Override
        public int expireDue(int limit) {
            return spans.around(EXPIRE_DUE, SpanKind.INTERNAL, Attributes.empty(), () -> delegate.expireDue(limit),
                    expired -> Attributes.of(EXPIRED_COUNT, (long) expired));
        }
    }

    record ProviderStatus(ApplyProviderStatus delegate, Spans spans, ResultAttributes results)
            implements ApplyProviderStatus {
        @Override
        public UpdateResult apply(ProviderUpdate update) {
            return spans.around(APPLY_STATUS, SpanKind.INTERNAL, spans.requestId(update.requestId()),
                    () -> delegate.apply(update), results::update);
        }
    }
}
