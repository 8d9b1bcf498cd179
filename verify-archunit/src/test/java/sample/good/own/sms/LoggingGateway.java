package sample.good.own.sms;

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
import java.util.concurrent.atomic.AtomicLong;

/** A decorator in the adapter package: it calls the gateway it wraps, which the adapter package may. */
public final class LoggingGateway implements VerificationGateway {
    private final VerificationGateway delegate;
    private final AtomicLong calls = new AtomicLong();

    public LoggingGateway(VerificationGateway delegate) {
        this.delegate = delegate;
    }

    public long calls() {
        return calls.get();
    }

    @Override
    public GatewayCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        calls.incrementAndGet();
        return delegate.start(request);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        calls.incrementAndGet();
        return delegate.check(requestId, code);
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        calls.incrementAndGet();
        return delegate.cancel(requestId);
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        calls.incrementAndGet();
        return delegate.advance(requestId);
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        calls.incrementAndGet();
        return delegate.status(requestId);
    }
}
