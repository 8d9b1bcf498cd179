package dev.phoneverify.adapter.fake;

import dev.phoneverify.adapter.fake.ScriptedFaults.Fault;
import dev.phoneverify.adapter.fake.ScriptedFaults.NumberRule;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Adapter: an in-memory simulator of Vonage Verify behind the core's {@link VerificationGateway} port, with a
 * tester's API (outbox, clock, deterministic codes, scripted faults, pushed status) that lives here and never on
 * the port. It follows Vonage Verify v1 by default, or v2 ({@link FakeProfile}), as chosen when it is built.
 *
 * <p>v1 (facts §1.4-1.6, the rules of {@link V1Timings}): workflows 1-7 and their waits, a new PIN only once
 * {@code pin_expiry} has passed, a limited number of wrong codes per PIN, cancel only from 30 s after the start and
 * before the second event, one request in flight per number, expiry, status lookup.
 *
 * <p>v2 (facts §2.6): each step lasts {@code channel_timeout} and then the next starts; a new code per step, the
 * latest accepted; three wrong codes fail the request; cancel at any time; one request in flight per {@code to}; status
 * is pushed to the sink set by {@link #pushStatusTo}, delivered when the clock advances.
 *
 * <p>Time comes only from its {@link FakeClock}. Thread-safe. Finished requests, their messages and updates are
 * dropped once the retention window has passed after they finished.
 */
public final class FakeVerificationGateway implements VerificationGateway {
    /** How long a finished request stays visible to status lookups and the outbox. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);
    /** Wrong codes that end a request (facts §1.6 KB17: per PIN in v1; §2.6: per request in v2). */
    public static final int DEFAULT_MAX_WRONG_CODES = 3;
    /** Vonage v1 refuses a cancel in the first 30 seconds (facts §1.6 Cancel). */
    public static final Duration CANCEL_NOT_BEFORE = V1ProfileRules.CANCEL_NOT_BEFORE;

    private final Simulator simulator;
    private final FakeClock clock;
    /** Held here because the clock holds it only weakly. */
    private final Runnable onClockAdvance;

    FakeVerificationGateway(Simulator simulator, FakeClock clock) {
        this.simulator = simulator;
        this.clock = clock;
        this.onClockAdvance = simulator::catchUpAndDeliver;
        if (capabilities().pushesStatus()) {
            clock.onAdvance(onClockAdvance);
        }
    }

    /** A v1 fake with Vonage's defaults: workflow 1, default timings, 3 wrong codes, secure random codes. */
    public static FakeVerificationGateway create() {
        return builder().build();
    }

    /** A builder of a v1 fake. */
    public static FakeGatewayBuilder builder() {
        return builder(FakeProfile.V1);
    }

    /** A builder of a fake of {@code profile}. */
    public static FakeGatewayBuilder builder(FakeProfile profile) {
        return new FakeGatewayBuilder(profile);
    }

    /** A v2 fake with Vonage's defaults on {@code clock}: SMS then voice, 180 s per step, secure random codes. */
    public static FakeVerificationGateway v2(FakeClock clock) {
        return builder(FakeProfile.V2).clock(clock).build();
    }

    @Override
    public GatewayCapabilities capabilities() {
        return simulator.rules().capabilities();
    }

    @Override
    public StartOutcome start(StartRequest request) {
        return simulator.start(Objects.requireNonNull(request, "request"), Optional.empty());
    }

    /**
     * A v2 start whose steps name their own {@code to}: different numbers, or email addresses only, as the v2 wire
     * allows; one request is in flight per address. Its rules are the port's; what v2 refuses is a
     * {@link GatewayException} MISCONFIGURED (v2's 422).
     *
     * @throws IllegalStateException this is a v1 fake
     */
    public StartOutcome start(V2Start start) {
        Objects.requireNonNull(start, "start");
        if (!(simulator.rules() instanceof V2ProfileRules v2)) {
            throw new IllegalStateException("a v2 start needs a v2 fake; this one follows " + profile());
        }
        return simulator.start(v2.plan(start));
    }

    /**
     * A v1 start with timings of its own, as Vonage's {@code workflow_id}, {@code pin_expiry} and
     * {@code next_event_wait} give; the request's workflow is the timings' (see {@link #workflowOf}).
     */
    public StartOutcome start(StartRequest request, V1Timings timings) {
        return simulator.start(Objects.requireNonNull(request, "request"),
                Optional.of(Objects.requireNonNull(timings, "timings")));
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        return simulator.check(Objects.requireNonNull(requestId, "requestId"), Objects.requireNonNull(code, "code"));
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        return simulator.cancel(Objects.requireNonNull(requestId, "requestId"));
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        return simulator.advance(Objects.requireNonNull(requestId, "requestId"));
    }

    /**
     * How the request stands (v1 search); {@link RequestStatus#UNKNOWN} once it was never known or has been purged,
     * and always on v2, which has no lookup: read {@link #snapshot} there.
     */
    @Override
    public RequestStatus status(RequestId requestId) {
        return simulator.status(Objects.requireNonNull(requestId, "requestId"));
    }

    /** The Vonage API this fake follows. */
    public FakeProfile profile() {
        return simulator.rules().profile();
    }

    /** The clock this fake reads; move it to make time pass. */
    public FakeClock clock() {
        return clock;
    }

    /** The v1 timings {@link #start(StartRequest)} uses, as set on the builder; a v2 fake has none. */
    public V1Timings defaultTimings() {
        return simulator.rules().defaultTimings()
                .orElseThrow(() -> new IllegalStateException("a v2 fake has no v1 timings"));
    }

    /** The port's workflow for v1 timings: SMS events are SMS steps, TTS events voice steps. */
    public static Workflow workflowOf(V1Timings timings) {
        return V1ProfileRules.workflowOf(Objects.requireNonNull(timings, "timings"));
    }

    /** Every message still retained, oldest first. */
    public List<DeliveredMessage> outbox() {
        return simulator.read(() -> simulator.outbox().all());
    }

    /** The messages of requests to {@code number} (emails of its requests included), oldest first. */
    public List<DeliveredMessage> outboxFor(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return simulator.read(() -> simulator.outbox().forNumber(number));
    }

    /** The messages sent to {@code to} (phone digits, a leading {@code +} ignored, or an email address), oldest first. */
    public List<DeliveredMessage> outboxTo(String to) {
        Objects.requireNonNull(to, "to");
        return simulator.read(() -> simulator.outbox().forAddress(to));
    }

    /** The code in the last message sent for {@code number}, as the user would read it; empty if none was sent. */
    public Optional<String> lastCodeFor(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        return simulator.read(() -> simulator.outbox().last(number).map(DeliveredMessage::code));
    }

    /** What the fake knows about a request, as Vonage's v1 search shows it; empty when unknown or purged. */
    public Optional<RequestSnapshot> snapshot(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return simulator.read(() -> simulator.book().find(requestId).map(SimulatedRequest::snapshot));
    }

    /** Requests still in progress. */
    public int activeRequestCount() {
        return simulator.read(() -> simulator.book().activeCount());
    }

    /** Requests held in memory: in progress, or finished and still within the retention window. */
    public int retainedRequestCount() {
        return simulator.read(() -> simulator.book().retainedCount());
    }

    /**
     * Where a v2 fake pushes status: a step started, a step expired or completed, the request ended; for instance
     * {@code fake.pushStatusTo(verifications::apply)}. Updates are handed on when the clock advances and on
     * {@link #deliverStatusUpdates()}, never inside a port call, as real callbacks arrive after the answer.
     */
    public void pushStatusTo(Consumer<? super ProviderUpdate> sink) {
        simulator.push().sendTo(sink);
    }

    /** Applies whatever is due by the clock now and hands every queued status update to the sink. */
    public void deliverStatusUpdates() {
        simulator.catchUpAndDeliver();
    }

    /** Every status update pushed (or queued) for requests still retained, oldest first; none on v1. */
    public List<ProviderUpdate> statusUpdates() {
        return simulator.read(() -> simulator.push().all());
    }

    /** The status updates of one request, oldest first. */
    public List<ProviderUpdate> statusUpdatesFor(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return simulator.read(() -> simulator.push().forRequest(requestId));
    }

    /** Every code sent to {@code number} from now on is {@code code}, of a length this profile sends. */
    public void fixCode(PhoneNumber number, String code) {
        Objects.requireNonNull(number, "number");
        String checked = FakeGatewayBuilder.requireFixedCode(code, capabilities());
        simulator.script(() -> simulator.codes().fix(number, checked));
    }

    /** The next call of {@code operation} throws {@link GatewayException} UNAVAILABLE and changes nothing. */
    public void failNext(Operation operation) {
        scheduleFault(operation, Fault.UNAVAILABLE);
    }

    /** The next call of {@code operation} throws {@link GatewayException} TIMEOUT at once and changes nothing. */
    public void timeOutNext(Operation operation) {
        scheduleFault(operation, Fault.TIMEOUT);
    }

    /**
     * The next call of {@code operation} takes effect, then throws {@link GatewayException} TIMEOUT: the answer
     * was lost on its way back, so callers can test how they reconcile.
     */
    public void loseNextAnswer(Operation operation) {
        scheduleFault(operation, Fault.ANSWER_LOST);
    }

    /** The next start throws {@link GatewayException} THROTTLED (v1 status 1; v2 429 with a Retry-After). */
    public void throttleNext() {
        scheduleFault(Operation.START, Fault.THROTTLED);
    }

    /** Starts to {@code number} are rejected as barred (Vonage v1 7) until {@link #allowNumber} or {@link #reset}. */
    public void barNumber(PhoneNumber number) {
        setRule(number, NumberRule.BARRED);
    }

    /** Starts to {@code number} are rejected as an unsupported network (Vonage v1 15). */
    public void unsupportedNetwork(PhoneNumber number) {
        setRule(number, NumberRule.UNSUPPORTED_NETWORK);
    }

    /** Starts to {@code number} are rejected as an invalid number (Vonage v1 3, v2 422). */
    public void invalidNumber(PhoneNumber number) {
        setRule(number, NumberRule.INVALID);
    }

    /** Starts to {@code number} throw {@link GatewayException} THROTTLED (v1 status 1; v2 429). */
    public void throttleNumber(PhoneNumber number) {
        setRule(number, NumberRule.THROTTLED);
    }

    /** Removes any rule set for {@code number}. */
    public void allowNumber(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        simulator.script(() -> simulator.faults().clearRule(number));
    }

    /**
     * Forgets every request, message, status update, scripted fault, number rule and code fixed after building,
     * and restarts the seeded code sequence. The builder's settings and the sink stay; the clock does not move back.
     */
    public void reset() {
        simulator.reset();
    }

    private void scheduleFault(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        simulator.script(() -> simulator.faults().scheduleNext(operation, fault));
    }

    private void setRule(PhoneNumber number, NumberRule rule) {
        Objects.requireNonNull(number, "number");
        simulator.script(() -> simulator.faults().setRule(number, rule));
    }
}
