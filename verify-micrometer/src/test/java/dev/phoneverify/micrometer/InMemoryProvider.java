package dev.phoneverify.micrometer;

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
import io.micrometer.core.instrument.MockClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider in memory for these tests: SMS then voice, the right code is always {@link #RIGHT_CODE}, each call
 * takes {@link #CALL_TIME} on the registry's mock clock, and the next call can be made to fail.
 */
final class InMemoryProvider implements VerificationGateway {
    static final String RIGHT_CODE = "1234";
    static final Duration CALL_TIME = Duration.ofMillis(250);

    private final Clock clock;
    private final MockClock registryClock;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile GatewayException nextFailure;

    InMemoryProvider(Clock clock, MockClock registryClock) {
        this.clock = clock;
        this.registryClock = registryClock;
    }

    /** The next call of any operation throws {@code failure}. */
    void failNextCall(GatewayException failure) {
        nextFailure = failure;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(Set.of(Channel.SMS, Channel.VOICE), Set.of(4), Workflow.of(Channel.SMS,
                Channel.VOICE), true, Optional.empty(), false, false, false, false, CancelConstraints.anyTime(), true);
    }

    @Override
    public StartOutcome start(StartRequest request) {
        answer();
        RequestId id = new RequestId("req-" + requests.incrementAndGet());
        return new StartOutcome.Started(id, request.workflow().firstChannel(), clock.instant().plusSeconds(600));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        answer();
        return code.value().equals(RIGHT_CODE) ? new CheckOutcome.Correct()
                : new CheckOutcome.WrongCode(OptionalInt.empty());
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        answer();
        return new CancelOutcome.Cancelled();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        answer();
        return new AdvanceOutcome.Advanced(Channel.VOICE, clock.instant().plusSeconds(300));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        answer();
        return RequestStatus.UNKNOWN;
    }

    private void answer() {
        registryClock.add(CALL_TIME);
        GatewayException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
