package dev.phoneverify.bench;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A gateway that answers at once and keeps nothing, so a measurement sees only the cost of the core around it.
 */
final class InstantGateway implements VerificationGateway {
    private static final GatewayCapabilities CAPABILITIES = new GatewayCapabilities(Set.of(Channel.SMS), Set.of(4),
            Workflow.of(Channel.SMS), false, Optional.empty(), false, false, true, false,
            CancelConstraints.anyTime(), true);

    private final AtomicLong requests = new AtomicLong();
    private final Clock clock;
    private final LongFunction<Duration> lifetimeOfRequest;

    InstantGateway(Clock clock, LongFunction<Duration> lifetimeOfRequest) {
        this.clock = clock;
        this.lifetimeOfRequest = lifetimeOfRequest;
    }

    /** SMS only, 4-digit codes, everything else possible, so no command the benchmarks send is refused. */
    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StartOutcome start(StartRequest request) {
        long n = requests.getAndIncrement();
        RequestId id = new RequestId(HexFormat.of().toHexDigits(n) + HexFormat.of().toHexDigits(~n));
        return new StartOutcome.Started(id, Channel.SMS, clock.instant().plus(lifetimeOfRequest.apply(n)));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return new CheckOutcome.Correct();
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return new CancelOutcome.Cancelled();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return new AdvanceOutcome.NoStepsLeft();
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return RequestStatus.IN_PROGRESS;
    }
}
