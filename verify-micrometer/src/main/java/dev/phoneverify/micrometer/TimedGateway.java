package dev.phoneverify.micrometer;

import dev.phoneverify.core.usecase.StableNames;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decorator of the outgoing port: times each provider call in every bound registry, on that registry's clock,
 * tagged by operation and by the answer's case, or by why the call failed.
 */
final class TimedGateway implements VerificationGateway {
    private final VerificationGateway delegate;
    private final Supplier<List<RegistryMeters>> registries;

    TimedGateway(VerificationGateway delegate, Supplier<List<RegistryMeters>> registries) {
        this.delegate = delegate;
        this.registries = registries;
    }

    /** Not timed: it describes the gateway and asks the provider nothing. */
    @Override
    public GatewayCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        return timed("start", () -> delegate.start(request), outcome -> outcome.accept(GatewayOutcomeTag.INSTANCE));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return timed("check", () -> delegate.check(requestId, code),
                outcome -> outcome.accept(GatewayOutcomeTag.INSTANCE));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return timed("cancel", () -> delegate.cancel(requestId), outcome -> outcome.accept(GatewayOutcomeTag.INSTANCE));
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return timed("advance", () -> delegate.advance(requestId),
                outcome -> outcome.accept(GatewayOutcomeTag.INSTANCE));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return timed("status", () -> delegate.status(requestId), StableNames::of);
    }

    private <T> T timed(String operation, Supplier<T> call, Function<T, String> outcomeOf) {
        List<RegistryMeters> meters = List.copyOf(registries.get());
        long[] startedAt = new long[meters.size()];
        for (int i = 0; i < startedAt.length; i++) {
            startedAt[i] = meters.get(i).monotonicTime();
        }
        T answer;
        try {
            answer = call.get();
        } catch (GatewayException e) {
            record(meters, startedAt, operation, TagValues.ERROR_OUTCOME, StableNames.of(e.reason()));
            throw e;
        } catch (RuntimeException e) {
            record(meters, startedAt, operation, TagValues.ERROR_OUTCOME, TagValues.UNEXPECTED_ERROR);
            throw e;
        }
        record(meters, startedAt, operation, outcomeOf.apply(answer), TagValues.NO_ERROR);
        return answer;
    }

    private static void record(List<RegistryMeters> meters, long[] startedAt, String operation, String outcome,
                               String error) {
        for (int i = 0; i < startedAt.length; i++) {
            meters.get(i).gatewayCall(operation, outcome, error, startedAt[i]);
        }
    }
}
