package dev.phoneverify.core.support;

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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test double for {@link VerificationGateway}: each operation answers from a queue of scripted answers the test
 * set up, falling back to a plain happy answer, and counts how often it was asked. Thread-safe.
 *
 * <p>Answers may be values or {@link Supplier}s that throw, so a test can script an outage for one call. The
 * gateway describes itself as Vonage v1 does ({@link CapabilitiesBuilder#v1Like()}) unless the test gives it other
 * capabilities, and keeps every start request it receives.
 */
public final class ScriptedGateway implements VerificationGateway {
    /** The request id the default start answer names. */
    public static final RequestId REQUEST_ID = new RequestId("req-1");
    /** How long after the start the default answers say the request ends (Vonage workflow 1). */
    public static final Duration REQUEST_LIFETIME = Duration.ofSeconds(605);

    private final Clock clock;
    private final GatewayCapabilities capabilities;
    private final List<StartRequest> startRequests = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<StartOutcome>> starts = new ArrayDeque<>();
    private final Deque<Supplier<CheckOutcome>> checks = new ArrayDeque<>();
    private final Deque<Supplier<CancelOutcome>> cancels = new ArrayDeque<>();
    private final Deque<Supplier<AdvanceOutcome>> advances = new ArrayDeque<>();
    private final Deque<Supplier<RequestStatus>> statuses = new ArrayDeque<>();
    private final AtomicInteger startCalls = new AtomicInteger();
    private final AtomicInteger checkCalls = new AtomicInteger();
    private final AtomicInteger cancelCalls = new AtomicInteger();
    private final AtomicInteger advanceCalls = new AtomicInteger();
    private final AtomicInteger statusCalls = new AtomicInteger();

    /** A gateway with v1-like capabilities. */
    public ScriptedGateway(Clock clock) {
        this(clock, CapabilitiesBuilder.v1Like().build());
    }

    /** A gateway that describes itself with {@code capabilities}. */
    public ScriptedGateway(Clock clock, GatewayCapabilities capabilities) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public GatewayCapabilities capabilities() {
        return capabilities;
    }

    public synchronized ScriptedGateway onStart(StartOutcome outcome) {
        starts.add(() -> outcome);
        return this;
    }

    public synchronized ScriptedGateway onStartThrow(RuntimeException failure) {
        starts.add(() -> {
            throw failure;
        });
        return this;
    }

    public synchronized ScriptedGateway onCheck(CheckOutcome outcome) {
        checks.add(() -> outcome);
        return this;
    }

    public synchronized ScriptedGateway onCancel(CancelOutcome outcome) {
        cancels.add(() -> outcome);
        return this;
    }

    public synchronized ScriptedGateway onAdvance(AdvanceOutcome outcome) {
        advances.add(() -> outcome);
        return this;
    }

    public synchronized ScriptedGateway onStatus(RequestStatus status) {
        statuses.add(() -> status);
        return this;
    }

    /**
     * The answer to a start when nothing was scripted: started on the workflow's first channel, ending after
     * workflow 1's 605 s.
     */
    public StartOutcome.Started defaultStarted(StartRequest request) {
        return new StartOutcome.Started(REQUEST_ID, request.workflow().firstChannel(),
                clock.instant().plus(REQUEST_LIFETIME));
    }

    @Override
    public StartOutcome start(StartRequest request) {
        startCalls.incrementAndGet();
        startRequests.add(request);
        return next(starts, () -> defaultStarted(request));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        checkCalls.incrementAndGet();
        return next(checks, CheckOutcome.Correct::new);
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        cancelCalls.incrementAndGet();
        return next(cancels, CancelOutcome.Cancelled::new);
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        advanceCalls.incrementAndGet();
        return next(advances, () -> new AdvanceOutcome.Advanced(Channel.VOICE, clock.instant().plus(REQUEST_LIFETIME)));
    }

    @Override
    public RequestStatus status(RequestId requestId) {
        statusCalls.incrementAndGet();
        return next(statuses, () -> RequestStatus.UNKNOWN);
    }

    private <T> T next(Deque<Supplier<T>> script, Supplier<T> fallback) {
        Supplier<T> answer;
        synchronized (this) {
            answer = script.poll();
        }
        return (answer == null ? fallback : answer).get();
    }

    /** Every start request received, in order. */
    public List<StartRequest> startRequests() {
        return List.copyOf(startRequests);
    }

    /** The last start request received. */
    public StartRequest lastStartRequest() {
        if (startRequests.isEmpty()) {
            throw new AssertionError("the gateway was never asked to start");
        }
        return startRequests.get(startRequests.size() - 1);
    }

    public int startCalls() {
        return startCalls.get();
    }

    public int checkCalls() {
        return checkCalls.get();
    }

    public int cancelCalls() {
        return cancelCalls.get();
    }

    public int advanceCalls() {
        return advanceCalls.get();
    }

    public int statusCalls() {
        return statusCalls.get();
    }

    /** Every call of every operation. */
    public int totalCalls() {
        return startCalls() + checkCalls() + cancelCalls() + advanceCalls() + statusCalls();
    }

    /** A wrong-code answer that does not say how many attempts remain, as Vonage answers. */
    public static CheckOutcome.WrongCode wrongCode() {
        return new CheckOutcome.WrongCode(OptionalInt.empty());
    }
}
