package dev.phoneverify.core.service;

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

/** Test gateway that passes every call on; subclasses override the one operation a test needs to shape. */
abstract class ScriptedGatewayDelegate implements VerificationGateway {
    private final VerificationGateway delegate;

    ScriptedGatewayDelegate(VerificationGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        return delegate.start(request);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return delegate.check(requestId, code);
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return delegate.cancel(requestId);
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return delegate.advance(requestId);
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return delegate.status(requestId);
    }
}
