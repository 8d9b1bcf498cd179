package dev.phoneverify.store.jdbc;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationPolicy;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny provider that every app instance in a test talks to, as they would all talk to Vonage: one fixed code per
 * request, a request that ends on its first correct code, after which it is "not found" and its status says
 * how it ended. Only start, check and status are scripted.
 */
final class ScriptedProvider implements VerificationGateway {
    static final VerificationCode CODE = VerificationCode.parse("4711");
    static final VerificationCode WRONG_CODE = VerificationCode.parse("1234");

    private final Clock clock;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<RequestId, RequestStatus> statuses = new ConcurrentHashMap<>();

    ScriptedProvider(Clock clock) {
        this.clock = clock;
    }

    /** How many codes were sent: one per start. */
    int starts() {
        return requests.get();
    }

    /** SMS only, the policy's default code length, a status lookup, and neither cancel nor next step. */
    @Override
    public GatewayCapabilities capabilities() {
        return new GatewayCapabilities(Set.of(Channel.SMS), Set.of(VerificationPolicy.DEFAULT_CODE_LENGTH),
                Workflow.of(Channel.SMS), false, Optional.empty(), false, false, true, false,
                CancelConstraints.unsupported(), false);
    }

    @Override
    public StartOutcome start(StartRequest request) {
        RequestId id = new RequestId("req-" + requests.incrementAndGet());
        statuses.put(id, RequestStatus.IN_PROGRESS);
        return new StartOutcome.Started(id, Channel.SMS, clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        if (!code.equals(CODE)) {
            return statuses.get(requestId) == RequestStatus.IN_PROGRESS
                    ? new CheckOutcome.WrongCode(OptionalInt.empty())
                    : new CheckOutcome.NotFound();
        }
        // Atomic, as at the provider: of several correct checks racing, one gets "correct".
        boolean verifiedNow = statuses.replace(requestId, RequestStatus.IN_PROGRESS, RequestStatus.VERIFIED);
        return verifiedNow ? new CheckOutcome.Correct() : new CheckOutcome.NotFound();
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        return statuses.getOrDefault(requestId, RequestStatus.EXPIRED);
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        throw new UnsupportedOperationException("not scripted");
    }
}
