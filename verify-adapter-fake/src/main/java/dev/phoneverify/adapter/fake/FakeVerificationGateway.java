package dev.phoneverify.adapter.fake;

import dev.phoneverify.adapter.fake.ScriptedFaults.Fault;
import dev.phoneverify.adapter.fake.ScriptedFaults.NumberRule;
import dev.phoneverify.core.domain.PhoneNumber;
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
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Adapter: an in-memory simulator of Vonage Verify v1 behind the core's {@link VerificationGateway} port, with a
 * tester's API (outbox, clock, deterministic codes, scripted faults) that lives here and never on the port.
 *
 * <p>It follows Vonage's rules (facts §1.4-1.6): workflows 1-7 and their waits, a new PIN only once
 * {@code pin_expiry} has passed, a limited number of wrong codes per PIN, cancel only from 30 s after the start and
 * before the second event, one request in flight per number, expiry. Time comes only from its {@link FakeClock};
 * scheduled events are applied lazily, on the next call after their time, so nothing runs in the background.
 *
 * <p>Thread-safe: one lock guards all state. A fake needs to be right, not fast, and a call takes microseconds.
 * Finished requests, and the messages they sent, are dropped once the retention window has passed after they
 * finished; until then {@link #status} still reports how they ended.
 */
public final class FakeVerificationGateway implements VerificationGateway {
    /** How long a finished request stays visible to status lookups and the outbox. */
    public static final Duration DEFAULT_RETENTION = Duration.ofMinutes(10);
    /** Wrong codes per PIN that end the request (facts §1.6, KB17). */
    public static final int DEFAULT_MAX_WRONG_CODES = 3;
    /** Vonage refuses a cancel in the first 30 seconds (facts §1.6 Cancel). */
    public static final Duration CANCEL_NOT_BEFORE = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(FakeVerificationGateway.class.getName());
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat EVENT_ID_HEX = HexFormat.of().withUpperCase();
    /**
     * Request ids are drawn before taking the lock, from one generator per thread, so concurrent callers do not
     * queue behind each other's hashing; only the uniqueness check runs under the lock.
     */
    private static final ThreadLocal<SecureRandom> ID_RANDOM =
            ThreadLocal.withInitial(FakeVerificationGateway::strongRandom);

    private final FakeClock clock;
    private final StartOptions defaultOptions;
    private final int maxWrongCodes;
    private final Duration retention;
    private final Long codeSeed;
    private final Map<PhoneNumber, String> configuredFixedCodes;

    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private RandomGenerator codeRandom;
    private final Map<RequestId, SimulatedRequest> requests = new HashMap<>();
    private final Map<PhoneNumber, SimulatedRequest> inFlight = new HashMap<>();
    /** Each in-progress request's next event or expiry, soonest first. */
    private final Timeline timeline = new Timeline();
    /** Finished requests in the order they finished, which is also the order they are purged. */
    private final Deque<SimulatedRequest> finished = new ArrayDeque<>();
    /** Messages per number, oldest first; a purged request's messages are the oldest of its number. */
    private final Map<PhoneNumber, Deque<Sent>> outbox = new HashMap<>();
    private final Map<PhoneNumber, String> fixedCodes = new HashMap<>();
    private final ScriptedFaults faults = new ScriptedFaults();
    private Instant lastNow = Instant.MIN;
    private long sequence;

    private record Sent(long sequence, DeliveredMessage message) {
    }

    private FakeVerificationGateway(Builder builder) {
        this.clock = builder.clock;
        this.defaultOptions = builder.options;
        this.maxWrongCodes = builder.maxWrongCodes;
        this.retention = builder.retention;
        this.codeSeed = builder.codeSeed;
        this.configuredFixedCodes = Map.copyOf(builder.fixedCodes);
        resetState();
    }

    /** A fake with Vonage's defaults: workflow 1, default timings, 3 wrong codes, secure random codes. */
    public static FakeVerificationGateway create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------------------------------------- the port

    /** Starts with the builder's default options (workflow and timings). */
    @Override
    public StartOutcome start(StartRequest request) {
        return start(request, defaultOptions);
    }

    /** Starts with options of this request's own, as Vonage's {@code workflow_id}, {@code pin_expiry} and so on. */
    public StartOutcome start(StartRequest request, StartOptions options) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(options, "options");
        RequestId candidateId = randomRequestId();
        return call(Operation.START, now -> {
            NumberRule rule = faults.ruleFor(request.number());
            if (rule == NumberRule.THROTTLED) {
                throw new GatewayException(GatewayException.Reason.THROTTLED, rule.detail);
            }
            if (rule != null) {
                return new StartOutcome.Rejected(rule.rejection, rule.detail);
            }
            SimulatedRequest current = inFlight.get(request.number());
            if (current != null) {
                return new StartOutcome.ConcurrentVerification(current.id);
            }
            SimulatedRequest started = new SimulatedRequest(unusedRequestId(candidateId), request.number(), request.brand(),
                    request.codeLength(), options, now);
            issuePin(started, now);
            deliver(started, now);
            requests.put(started.id, started);
            inFlight.put(started.number, started);
            schedule(started);
            if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
                LOG.log(System.Logger.Level.DEBUG, "started request {0} to {1} on workflow {2}",
                        started.id, started.number, options.workflow().id());
            }
            return new StartOutcome.Started(started.id, started.channel(), started.endsAt());
        });
    }

    @Override
    public CheckOutcome check(RequestId requestId, VerificationCode code) {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(code, "code");
        return call(Operation.CHECK, now -> {
            SimulatedRequest request = requests.get(requestId);
            if (request == null || !request.inProgress()) {
                return new CheckOutcome.NotFound();
            }
            boolean correct = code.matches(request.pin);
            request.checks.add(new RequestSnapshot.Check(now, code.value(), correct));
            if (correct) {
                finish(request, RequestStatus.VERIFIED, now);
                return new CheckOutcome.Correct();
            }
            request.wrongCodesForPin++;
            if (request.wrongCodesForPin >= maxWrongCodes) {
                finish(request, RequestStatus.FAILED, now);
                return new CheckOutcome.TooManyAttempts();
            }
            return new CheckOutcome.WrongCode(OptionalInt.of(maxWrongCodes - request.wrongCodesForPin));
        });
    }

    @Override
    public CancelOutcome cancel(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return call(Operation.CANCEL, now -> {
            SimulatedRequest request = requests.get(requestId);
            if (request == null || !request.inProgress()) {
                return new CancelOutcome.NotFound();
            }
            // Too late first: it is final, while "too early" passes by itself.
            if (request.eventIndex > 0) {
                return new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_LATE);
            }
            if (now.isBefore(request.startedAt.plus(CANCEL_NOT_BEFORE))) {
                return new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY);
            }
            finish(request, RequestStatus.CANCELLED, now);
            return new CancelOutcome.Cancelled();
        });
    }

    @Override
    public AdvanceOutcome advance(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return call(Operation.ADVANCE, now -> {
            SimulatedRequest request = requests.get(requestId);
            if (request == null || !request.inProgress()) {
                return new AdvanceOutcome.NotFound();
            }
            if (request.atLastEvent()) {
                return new AdvanceOutcome.NoStepsLeft();
            }
            moveToNextEvent(request, now);
            schedule(request);
            return new AdvanceOutcome.Advanced(request.channel(), request.endsAt());
        });
    }

    /** How the request stands; {@link RequestStatus#UNKNOWN} once it was never known or has been purged. */
    @Override
    public RequestStatus status(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        return call(Operation.STATUS, now -> {
            SimulatedRequest request = requests.get(requestId);
            return request == null ? RequestStatus.UNKNOWN : request.status;
        });
    }

    // ------------------------------------------------------------------------------------------ tester's API

    /** The clock this fake reads; move it to make time pass. */
    public FakeClock clock() {
        return clock;
    }

    /** The options {@link #start(StartRequest)} uses, as set on the builder. */
    public StartOptions defaultOptions() {
        return defaultOptions;
    }

    /** Every message still retained, oldest first. */
    public List<DeliveredMessage> outbox() {
        synchronized (lock) {
            catchUp();
            List<Sent> all = new ArrayList<>();
            outbox.values().forEach(all::addAll);
            all.sort(Comparator.comparingLong(Sent::sequence));
            return all.stream().map(Sent::message).toList();
        }
    }

    /** The messages sent to {@code number}, oldest first. */
    public List<DeliveredMessage> outboxFor(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        synchronized (lock) {
            catchUp();
            Deque<Sent> sent = outbox.get(number);
            return sent == null ? List.of() : sent.stream().map(Sent::message).toList();
        }
    }

    /** The code in the last message sent to {@code number}, as the user would read it; empty if none was sent. */
    public Optional<String> lastCodeFor(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        synchronized (lock) {
            catchUp();
            // Straight from the newest message: copying the whole outbox of the number only to read its end
            // cost more than the rest of a tester's lookup.
            Deque<Sent> sent = outbox.get(number);
            return sent == null || sent.isEmpty() ? Optional.empty() : Optional.of(sent.peekLast().message().code());
        }
    }

    /** What the fake knows about a request, as Vonage's search shows it; empty when unknown or purged. */
    public Optional<RequestSnapshot> snapshot(RequestId requestId) {
        Objects.requireNonNull(requestId, "requestId");
        synchronized (lock) {
            catchUp();
            return Optional.ofNullable(requests.get(requestId)).map(SimulatedRequest::snapshot);
        }
    }

    /** Requests still in progress. */
    public int activeRequestCount() {
        synchronized (lock) {
            catchUp();
            return inFlight.size();
        }
    }

    /** Requests held in memory: in progress, or finished and still within the retention window. */
    public int retainedRequestCount() {
        synchronized (lock) {
            catchUp();
            return requests.size();
        }
    }

    /** Every PIN sent to {@code number} from now on is {@code code} (4 to 6 digits). */
    public void fixCode(PhoneNumber number, String code) {
        Objects.requireNonNull(number, "number");
        String checked = requireFixedCode(code);
        synchronized (lock) {
            fixedCodes.put(number, checked);
        }
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

    /** The next start throws {@link GatewayException} THROTTLED (Vonage 1). */
    public void throttleNext() {
        scheduleFault(Operation.START, Fault.THROTTLED);
    }

    /** Starts to {@code number} are rejected as barred (Vonage 7) until {@link #allowNumber} or {@link #reset}. */
    public void barNumber(PhoneNumber number) {
        setRule(number, NumberRule.BARRED);
    }

    /** Starts to {@code number} are rejected as an unsupported network (Vonage 15). */
    public void unsupportedNetwork(PhoneNumber number) {
        setRule(number, NumberRule.UNSUPPORTED_NETWORK);
    }

    /** Starts to {@code number} are rejected as an invalid number (Vonage 3). */
    public void invalidNumber(PhoneNumber number) {
        setRule(number, NumberRule.INVALID);
    }

    /** Starts to {@code number} throw {@link GatewayException} THROTTLED (Vonage 1). */
    public void throttleNumber(PhoneNumber number) {
        setRule(number, NumberRule.THROTTLED);
    }

    /** Removes any rule set for {@code number}. */
    public void allowNumber(PhoneNumber number) {
        Objects.requireNonNull(number, "number");
        synchronized (lock) {
            faults.clearRule(number);
        }
    }

    /**
     * Forgets every request, message, scripted fault, number rule and code fixed after building, and restarts the
     * seeded code sequence. The builder's settings stay; the clock does not move back.
     */
    public void reset() {
        synchronized (lock) {
            resetState();
        }
    }

    // ------------------------------------------------------------------------------------------- internals

    private void resetState() {
        requests.clear();
        inFlight.clear();
        timeline.clear();
        finished.clear();
        outbox.clear();
        faults.clear();
        fixedCodes.clear();
        fixedCodes.putAll(configuredFixedCodes);
        codeRandom = codeSeed == null ? strongRandom() : new Random(codeSeed);
    }

    /** Runs one port call under the lock, after time caught up, with any scripted fault applied. */
    private <T> T call(Operation operation, Function<Instant, T> action) {
        synchronized (lock) {
            Instant now = catchUp();
            Fault fault = faults.takeNext(operation);
            if (fault != null && fault.beforeEffect) {
                throw fault.exception();
            }
            T outcome = action.apply(now);
            if (fault != null) {
                throw fault.exception();
            }
            return outcome;
        }
    }

    /**
     * Applies every event and expiry due by now, in time order, then drops what the retention window let go.
     * Each step is a heap operation, never a scan of all requests.
     */
    private Instant catchUp() {
        Instant now = clock.instant();
        // Time never runs backwards inside the fake, even if the clock's base (system time) steps back.
        if (now.isBefore(lastNow)) {
            now = lastNow;
        }
        lastNow = now;
        // Only requests in progress are on the timeline: finish() takes a request off it.
        while (!timeline.isEmpty() && timeline.peek().isDueBy(now)) {
            SimulatedRequest request = timeline.poll();
            Instant dueAt = request.dueAt();
            if (request.atLastEvent()) {
                finish(request, RequestStatus.EXPIRED, dueAt);
            } else {
                moveToNextEvent(request, dueAt);
                schedule(request);
            }
        }
        purgeFinishedBefore(now.minus(retention));
        return now;
    }

    private void purgeFinishedBefore(Instant cutoff) {
        while (!finished.isEmpty() && !finished.peekFirst().finishedAt.isAfter(cutoff)) {
            SimulatedRequest gone = finished.pollFirst();
            requests.remove(gone.id);
            Deque<Sent> sent = outbox.get(gone.number);
            while (sent != null && !sent.isEmpty() && sent.peekFirst().message().requestId().equals(gone.id)) {
                sent.pollFirst();
            }
            if (sent != null && sent.isEmpty()) {
                outbox.remove(gone.number);
            }
        }
    }

    private void schedule(SimulatedRequest request) {
        timeline.schedule(request, request.nextDueAt(), sequence++);
    }

    /** The next event happens at {@code at}: a new PIN only if the current one has expired (facts §1.4). */
    private void moveToNextEvent(SimulatedRequest request, Instant at) {
        request.eventIndex++;
        request.eventAt = at;
        if (request.pinExpiredAt(at)) {
            issuePin(request, at);
        }
        deliver(request, at);
    }

    private void finish(SimulatedRequest request, RequestStatus status, Instant at) {
        request.status = status;
        request.finishedAt = at;
        inFlight.remove(request.number, request);
        timeline.remove(request);
        finished.addLast(request);
    }

    /** A fresh PIN brings fresh attempts (facts §1.6, KB17). */
    private void issuePin(SimulatedRequest request, Instant at) {
        request.pin = newCode(request);
        request.pinIssuedAt = at;
        request.wrongCodesForPin = 0;
    }

    private void deliver(SimulatedRequest request, Instant at) {
        String text = MessageText.render(request.channel(), request.brand, request.pin);
        DeliveredMessage message = new DeliveredMessage(request.number, request.channel(), request.pin, text, at,
                request.id);
        Deque<Sent> sent = outbox.get(request.number);
        if (sent == null) {
            // Most numbers get one message per request; the default 16 slots would be mostly empty memory.
            sent = new ArrayDeque<>(1);
            outbox.put(request.number, sent);
        }
        sent.addLast(new Sent(sequence++, message));
        // Sixteen uppercase hex digits, as String.format("%016X") gave, without parsing a format on every message.
        request.events.add(new RequestSnapshot.Event(EVENT_ID_HEX.toHexDigits(sequence), request.channel(), at));
    }

    private String newCode(SimulatedRequest request) {
        String fixed = fixedCodes.get(request.number);
        if (fixed != null) {
            return fixed;
        }
        int bound = request.codeLength == 6 ? 1_000_000 : 10_000;
        return zeroPadded(codeRandom.nextInt(bound), request.codeLength);
    }

    /** {@code value} in exactly {@code length} decimal digits, with leading zeros. */
    private static String zeroPadded(int value, int length) {
        char[] digits = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(digits);
    }

    /**
     * A strong generator for ids and codes. SHA1PRNG seeds itself from the operating system on first use and then
     * draws in user space; the default NativePRNG also reads the kernel's pool and takes a lock shared by the
     * whole JVM on every draw, which made it the largest single cost of a verification on the fake.
     */
    private static SecureRandom strongRandom() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK's SHA1PRNG secure random is missing", e);
        }
    }

    private static RequestId randomRequestId() {
        byte[] bytes = new byte[16];
        ID_RANDOM.get().nextBytes(bytes);
        return new RequestId(HEX.formatHex(bytes));
    }

    /** {@code candidate}, or a fresh id in the (astronomically unlikely) case that it is taken. */
    private RequestId unusedRequestId(RequestId candidate) {
        RequestId id = candidate;
        while (requests.containsKey(id)) {
            id = randomRequestId();
        }
        return id;
    }

    private void scheduleFault(Operation operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        synchronized (lock) {
            faults.scheduleNext(operation, fault);
        }
    }

    private void setRule(PhoneNumber number, NumberRule rule) {
        Objects.requireNonNull(number, "number");
        synchronized (lock) {
            faults.setRule(number, rule);
        }
    }

    private static String requireFixedCode(String code) {
        if (code == null || !code.matches("[0-9]{4,6}")) {
            throw new IllegalArgumentException("a fixed code has 4 to 6 digits, like the codes Vonage sends");
        }
        return code;
    }

    /** Configures a {@link FakeVerificationGateway}; every setting has Vonage's default. */
    public static final class Builder {
        private FakeClock clock = new FakeClock();
        private StartOptions options = StartOptions.defaults();
        private int maxWrongCodes = DEFAULT_MAX_WRONG_CODES;
        private Duration retention = DEFAULT_RETENTION;
        private Long codeSeed;
        private final Map<PhoneNumber, String> fixedCodes = new HashMap<>();

        private Builder() {
        }

        /** The clock the fake reads; a fixed {@link FakeClock} at {@link FakeClock#DEFAULT_START} by default. */
        public Builder clock(FakeClock newClock) {
            this.clock = Objects.requireNonNull(newClock, "clock");
            return this;
        }

        /** Vonage's {@code workflow_id}, 1 to 7; default 1 (SMS, voice call, voice call). */
        public Builder workflow(int workflowId) {
            this.options = options.withWorkflow(Workflow.byId(workflowId));
            return this;
        }

        /** Vonage's {@code pin_expiry}: 60 to 3600 whole seconds; default 300. */
        public Builder pinExpiry(Duration pinExpiry) {
            this.options = options.withPinExpiry(Objects.requireNonNull(pinExpiry, "pinExpiry"));
            return this;
        }

        /** Vonage's {@code next_event_wait}: 60 to 900 whole seconds; by default each workflow's own waits. */
        public Builder nextEventWait(Duration nextEventWait) {
            this.options = options.withNextEventWait(Objects.requireNonNull(nextEventWait, "nextEventWait"));
            return this;
        }

        /** Wrong codes per PIN that end the request; default 3. */
        public Builder maxWrongCodes(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxWrongCodes is at least 1, was " + limit);
            }
            this.maxWrongCodes = limit;
            return this;
        }

        /** Codes from a generator seeded with {@code seed}, so a test sees the same codes on every run. */
        public Builder codeSeed(long seed) {
            this.codeSeed = seed;
            return this;
        }

        /** Every PIN sent to {@code number} is {@code code} (4 to 6 digits). */
        public Builder fixedCode(PhoneNumber number, String code) {
            fixedCodes.put(Objects.requireNonNull(number, "number"), requireFixedCode(code));
            return this;
        }

        /** How long a finished request is kept for status lookups and the outbox; default 10 minutes. */
        public Builder retention(Duration newRetention) {
            Objects.requireNonNull(newRetention, "retention");
            if (newRetention.isNegative()) {
                throw new IllegalArgumentException("retention cannot be negative, was " + newRetention);
            }
            this.retention = newRetention;
            return this;
        }

        public FakeVerificationGateway build() {
            return new FakeVerificationGateway(this);
        }
    }
}
