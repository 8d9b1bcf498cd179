package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.usecase.StableNames;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.OUTCOME;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;

/** Decorator of the outgoing port: one CLIENT span per provider call, carrying the answer's case. */
final class TracedGateway implements VerificationGateway {
    static final String START = "phoneverify.gateway start";
    static final String CHECK = "phoneverify.gateway check";
    static final String CANCEL = "phoneverify.gateway cancel";
    static final String ADVANCE = "phoneverify.gateway advance";
    static final String STATUS = "phoneverify.gateway status";

    private final VerificationGateway delegate;
    private final Spans spans;

    TracedGateway(VerificationGateway delegate, Spans spans) {
        this.delegate = delegate;
        this.spans = spans;
    }

    /** Not traced: it describes the gateway and asks the provider nothing. */
    @Override
    public GatewayCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        return spans.around(START, SpanKind.CLIENT, spans.number(request.number()), () -> delegate.start(request),
                outcome -> outcome.accept(GatewayAnswerAttributes.INSTANCE));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return spans.around(CHECK, SpanKind.CLIENT, spans.requestId(requestId), () -> delegate.check(requestId, code),
                outcome -> outcome.accept(GatewayAnswerAttributes.INSTANCE));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return spans.around(CANCEL, SpanKind.CLIENT, spans.requestId(requestId), () -> delegate.cancel(requestId),
                outcome -> outcome.accept(GatewayAnswerAttributes.INSTANCE));
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return spans.around(ADVANCE, SpanKind.CLIENT, spans.requestId(requestId), () -> delegate.advance(requestId),
                outcome -> outcome.accept(GatewayAnswerAttributes.INSTANCE));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return spans.around(STATUS, SpanKind.CLIENT, spans.requestId(requestId), () -> delegate.status(requestId),
                status -> Attributes.of(OUTCOME, StableNames.of(status)));
    }
}
