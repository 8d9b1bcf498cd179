package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.util.concurrent.atomic.AtomicBoolean;

/** Test gateway wrapper: the provider acts on the first check, but its answer is lost and a timeout is seen. */
final class LosingFirstCheckAnswer implements VerificationGateway {
    private final VerificationGateway provider;
    private final AtomicBoolean lost = new AtomicBoolean();

    LosingFirstCheckAnswer(VerificationGateway provider) {
        this.provider = provider;
    }

    @Override
    public StartOutcome start(StartRequest request) {
        return provider.start(request);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        CheckOutcome answer = provider.check(requestId, code);
        if (lost.compareAndSet(false, true)) {
            throw new GatewayException(GatewayException.Reason.TIMEOUT, "read timed out");
        }
        return answer;
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return provider.cancel(requestId);
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return provider.advance(requestId);
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return provider.status(requestId);
    }
}
