package dev.phoneverify.opentelemetry;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A provider for these tests that knows one request, {@link #REQUEST}: it accepts {@link #RIGHT_CODE}, moves from
 * SMS to voice, and is down while {@link #down} is set.
 */
final class OneRequestProvider implements VerificationGateway {
    static final RequestId REQUEST = new RequestId("0123456789abcdef0123456789abcdef");
    static final String RIGHT_CODE = "1234";

    private final Clock clock;
    volatile boolean down;

    OneRequestProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(Set.of(Channel.SMS, Channel.VOICE), Set.of(4),
                Workflow.of(Channel.SMS, Channel.VOICE), false, Optional.empty(), false, false, true, true,
                CancelConstraints.anyTime(), true);
    }

    @Override
    public StartOutcome start(StartRequest request) {
        reachable();
        return new StartOutcome.Started(REQUEST, Channel.SMS, clock.instant().plusSeconds(600));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        reachable();
        return RIGHT_CODE.equals(code.value()) ? new CheckOutcome.Correct()
                : new CheckOutcome.WrongCode(OptionalInt.of(2));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        reachable();
        return new CancelOutcome.Cancelled();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        reachable();
        return new AdvanceOutcome.Advanced(Channel.VOICE, clock.instant().plusSeconds(300));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        reachable();
        return RequestStatus.IN_PROGRESS;
    }

    private void reachable() {
        if (down) {
            throw new GatewayException(GatewayException.Reason.UNAVAILABLE, "connection refused");
        }
    }
}
