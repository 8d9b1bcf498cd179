package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.Channel;
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
import dev.phoneverify.core.support.CapabilitiesBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Test gateway with a provider's memory, for property tests: one request per number, code {@value #CODE}, three
 * wrong codes end a request, two further delivery steps, requests end 605 s after the start, and a status lookup
 * (v1-like capabilities). Single-threaded.
 */
final class SimulatedProvider implements VerificationGateway {
    static final String CODE = "1234";
    private static final int PROVIDER_WRONG_LIMIT = 3;
    private static final Duration REQUEST_LIFETIME = Duration.ofSeconds(605);
    private static final GatewayCapabilities CAPABILITIES = CapabilitiesBuilder.v1Like().build();

    private final Clock clock;
    private final Map<RequestId, Request> requests = new HashMap<>();
    private final Map<String, RequestId> inFlightByNumber = new HashMap<>();
    private int calls;
    private int nextId;

    SimulatedProvider(Clock clock) {
        this.clock = clock;
    }

    /** How many times any operation was called. */
    int calls() {
        return calls;
    }

    @Override
    public GatewayCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public StartOutcome start(StartRequest request) {
        calls++;
        RequestId inFlight = inFlightByNumber.get(request.number().digits());
        if (inFlight != null && active(requests.get(inFlight))) {
            return new StartOutcome.ConcurrentVerification(inFlight);
        }
        RequestId id = new RequestId("req-" + ++nextId);
        Instant endsAt = clock.instant().plus(REQUEST_LIFETIME);
        requests.put(id, new Request(endsAt));
        inFlightByNumber.put(request.number().digits(), id);
        return new StartOutcome.Started(id, Channel.SMS, endsAt);
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        calls++;
        Request request = requests.get(requestId);
        if (!active(request)) {
            return new CheckOutcome.NotFound();
        }
        if (code.matches(CODE)) {
            request.end = RequestStatus.VERIFIED;
            return new CheckOutcome.Correct();
        }
        request.wrong++;
        if (request.wrong >= PROVIDER_WRONG_LIMIT) {
            request.end = RequestStatus.FAILED;
            return new CheckOutcome.TooManyAttempts();
        }
        return new CheckOutcome.WrongCode(OptionalInt.of(PROVIDER_WRONG_LIMIT - request.wrong));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        calls++;
        Request request = requests.get(requestId);
        if (!active(request)) {
            return new CancelOutcome.NotFound();
        }
        request.end = RequestStatus.CANCELLED;
        return new CancelOutcome.Cancelled();
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        calls++;
        Request request = requests.get(requestId);
        if (!active(request)) {
            return new AdvanceOutcome.NotFound();
        }
        if (request.step >= 2) {
            return new AdvanceOutcome.NoStepsLeft();
        }
        request.step++;
        return new AdvanceOutcome.Advanced(Channel.VOICE, request.endsAt);
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        calls++;
        Request request = requests.get(requestId);
        if (request == null) {
            return RequestStatus.UNKNOWN;
        }
        return active(request) ? RequestStatus.IN_PROGRESS : request.end;
    }

    private boolean active(Request request) {
        if (request == null) {
            return false;
        }
        if (request.end == null && !clock.instant().isBefore(request.endsAt)) {
            request.end = RequestStatus.EXPIRED;
        }
        return request.end == null;
    }

    private static final class Request {
        private final Instant endsAt;
        private int wrong;
        private int step;
        private RequestStatus end;

        Request(Instant endsAt) {
            this.endsAt = endsAt;
        }
    }
}
