package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.usecase.StableNames;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.CALLING_CODE;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.CHANNEL;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.END_REASON;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.ERROR_TYPE;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.FLOW_ID;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.MASKED_NUMBER;
import static dev.phoneverify.opentelemetry.PhoneVerifyAttributes.REQUEST_ID;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StoreUnavailableException;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs work inside a span, and turns the core's values into attributes: bounded ones always, the masked number
 * and the ids only when the builder asked for them.
 */
final class Spans {
    private final Tracer tracer;
    private final boolean maskedNumbers;
    private final boolean ids;

    Spans(Tracer tracer, boolean maskedNumbers, boolean ids) {
        this.tracer = tracer;
        this.maskedNumbers = maskedNumbers;
        this.ids = ids;
    }

    /**
     * Runs {@code work} in a span that is current meanwhile, so spans of provider calls nest under their use case.
     * A failure is recorded with status ERROR and rethrown; the span ends either way.
     */
    <T> T around(String name, SpanKind kind, Attributes known, Supplier<T> work, Function<T, Attributes> outcome) {
        Span span = tracer.spanBuilder(name).setSpanKind(kind).setAllAttributes(known).startSpan();
        Scope scope = span.makeCurrent();
        try {
            T result = work.get();
            span.setAllAttributes(outcome.apply(result));
            return result;
        } catch (GatewayException e) {
            throw failed(span, e, StableNames.of(e.reason()));
        } catch (StoreUnavailableException e) {
            throw failed(span, e, "store_unavailable");
        } catch (RuntimeException e) {
            throw failed(span, e, e.getClass().getName());
        } finally {
            scope.close();
            span.end();
        }
    }

    /** What is known of a number before a flow exists: its calling code (and, opted in, its masked form). */
    Attributes number(PhoneNumber number) {
        return numberInto(Attributes.builder(), number).build();
    }

    /** A flow's channel, calling code and end reason (and, opted in, its ids and masked number). */
    AttributesBuilder flow(VerificationFlow flow) {
        AttributesBuilder attributes = numberInto(Attributes.builder(), flow.number())
                .put(CHANNEL, flow.channel().wireName());
        flow.endReason().ifPresent(reason -> attributes.put(END_REASON, StableNames.of(reason)));
        if (ids) {
            attributes.put(FLOW_ID, flow.id().value()).put(REQUEST_ID, flow.requestId().value());
        }
        return attributes;
    }

    /** The flow id a command names, opted in. */
    Attributes flowId(FlowId id) {
        return ids ? Attributes.of(FLOW_ID, id.value()) : Attributes.empty();
    }

    /** The provider's request id a call names, opted in. */
    Attributes requestId(RequestId id) {
        return ids ? Attributes.of(REQUEST_ID, id.value()) : Attributes.empty();
    }

    private AttributesBuilder numberInto(AttributesBuilder attributes, PhoneNumber number) {
        attributes.put(CALLING_CODE, CallingCode.of(number).digits());
        if (maskedNumbers) {
            attributes.put(MASKED_NUMBER, number.masked());
        }
        return attributes;
    }

    /** Marks the span failed; {@code type} is low-cardinality, as {@code error.type} should be. */
    private static <E extends RuntimeException> E failed(Span span, E failure, String type) {
        span.recordException(failure);
        span.setAttribute(ERROR_TYPE, type);
        span.setStatus(StatusCode.ERROR);
        return failure;
    }
}
