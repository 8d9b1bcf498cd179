package dev.phoneverify.adapter.fake;

import dev.phoneverify.adapter.fake.ScriptedFaults.Fault;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.usecase.ProviderUpdate.EndStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.RequestEnded;
import dev.phoneverify.core.usecase.ProviderUpdate.StepStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.StepUpdate;
import dev.phoneverify.vonage.model.V1Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulation itself: runs each port call and each step timeout under one lock, by the profile's rules, and
 * records what users would receive in the {@link Outbox} and what the provider would push in {@link StatusPush}.
 * Scheduled timeouts are applied lazily, on the next call after their time, so nothing runs in the background.
 *
 * <p>One lock guards all state: a fake needs to be right, not fast, and a call takes microseconds.
 */
final class Simulator {
    private static final System.Logger LOG = System.getLogger(Simulator.class.getName());
    private static final HexFormat EVENT_ID_HEX = HexFormat.of().withUpperCase();

    private final ProfileRules rules;
    private final FakeClock clock;
    private final int maxWrongCodes;
    private final Duration retention;
    private final CodeSource codes;
    private final StatusPush push;

    private final Object lock = new Object();
    // Everything below is guarded by lock.
    private final RequestBook book = new RequestBook();
    private final Outbox outbox = new Outbox();
    private final ScriptedFaults faults = new ScriptedFaults();
    private Instant lastNow = Instant.MIN;
    private long eventSequence;

    Simulator(ProfileRules rules, FakeClock clock, int maxWrongCodes, Duration retention, CodeSource codes) {
        this.rules = rules;
        this.clock = clock;
        this.maxWrongCodes = maxWrongCodes;
        this.retention = retention;
        this.codes = codes;
        this.push = new StatusPush(rules.capabilities().pushesStatus());
    }

    ProfileRules rules() {
        return rules;
    }

    StatusPush push() {
        return push;
    }

    StartOutcome start(StartRequest request, Optional<V1Timings> timings) {
        return start(rules.plan(request, timings));
    }

    StartOutcome start(PlannedStart start) {
        RequestId candidate = rules.requestId(codes.idBytes());
        return call(Operation.START, now -> {
            Optional<ScriptedFaults.NumberRule> rule = faults.ruleFor(start);
            if (rule.isPresent()) {
                return rule.get().rejection().<StartOutcome>map(StartOutcome.Rejected::new).orElseThrow(() ->
                        Fault.THROTTLED.exception(rules.throttleRetryAfter()));
            }
            Optional<RequestId> inFlight = book.inFlightFor(start.addresses(), now);
            if (inFlight.isPresent()) {
                return new StartOutcome.ConcurrentVerification(inFlight.get());
            }
            RequestId id = candidate;
            while (book.contains(id)) {
                id = rules.requestId(codes.idBytes());
            }
            Plan plan = start.plan();
            String code = plan.customCode().orElseGet(() -> codes.next(start.number(), plan.codeLength()));
            SimulatedRequest started = SimulatedRequest.started(id, start, now, code,
                    deliver(id, start.number(), start.to(), start.brand(), plan, 0, code, now));
            book.add(started);
            push.queue(new StepUpdate(id, started.channel(), StepStatus.STARTED, now));
            LOG.log(System.Logger.Level.DEBUG, () -> "started request " + started.id() + " to "
                    + started.number().map(Object::toString).orElse("email only") + " on "
                    + String.join(",", plan.channels().stream().map(Channel::wireName).toList()));
            return new StartOutcome.Started(id, started.channel(), started.endsAt());
        });
    }

    CheckOutcome check(RequestId requestId, VerificationCode code) {
        return call(Operation.CHECK, now -> {
            Optional<SimulatedRequest> found = book.active(requestId);
            if (found.isEmpty()) {
                return new CheckOutcome.NotFound();
            }
            SimulatedRequest request = found.get();
            boolean correct = rules.acceptsEarlierCodes() ? request.codes().stream().anyMatch(code::matches)
                    : code.matches(request.code());
            SimulatedRequest checked = request.checked(new RequestSnapshot.Check(now, code.value(), correct));
            if (correct) {
                push.queue(new StepUpdate(requestId, request.channel(), StepStatus.COMPLETED, now));
                finish(checked, RequestStatus.VERIFIED, now);
                return new CheckOutcome.Correct();
            }
            if (checked.wrongCodes() >= maxWrongCodes) {
                finish(checked, RequestStatus.FAILED, now);
                return new CheckOutcome.TooManyAttempts();
            }
            book.replace(checked);
            return new CheckOutcome.WrongCode(OptionalInt.of(maxWrongCodes - checked.wrongCodes()));
        });
    }

    CancelOutcome cancel(RequestId requestId) {
        return call(Operation.CANCEL, now -> {
            Optional<SimulatedRequest> found = book.active(requestId);
            if (found.isEmpty()) {
                return new CancelOutcome.NotFound();
            }
            Optional<CancelOutcome.Reason> refusal = rules.cancelRefusal(found.get(), now);
            if (refusal.isPresent()) {
                return new CancelOutcome.NotPermitted(refusal.get());
            }
            finish(found.get(), RequestStatus.CANCELLED, now);
            if (!rules.busyAfterCancel().isZero()) {
                book.holdAddresses(found.get(), now.plus(rules.busyAfterCancel()));
            }
            return new CancelOutcome.Cancelled();
        });
    }

    AdvanceOutcome advance(RequestId requestId) {
        return call(Operation.ADVANCE, now -> {
            Optional<SimulatedRequest> found = book.active(requestId);
            if (found.isEmpty()) {
                return new AdvanceOutcome.NotFound();
            }
            if (found.get().atLastStep()) {
                return new AdvanceOutcome.NoStepsLeft();
            }
            SimulatedRequest moved = enterNextStep(found.get(), now);
            return new AdvanceOutcome.Advanced(moved.channel(), moved.endsAt());
        });
    }

    /** How the request stands; {@link RequestStatus#UNKNOWN} when it is not known or the profile has no lookup. */
    RequestStatus status(RequestId requestId) {
        return call(Operation.STATUS, now -> rules.capabilities().statusLookup()
                ? book.find(requestId).map(SimulatedRequest::status).orElse(RequestStatus.UNKNOWN)
                : RequestStatus.UNKNOWN);
    }

    /** Reads the simulation once time has caught up; for the tester's API. */
    <T> T read(Supplier<T> reader) {
        synchronized (lock) {
            catchUp();
            return reader.get();
        }
    }

    /** Changes the tester's settings under the lock. */
    void script(Runnable change) {
        synchronized (lock) {
            change.run();
        }
    }

    Outbox outbox() {
        return outbox;
    }

    RequestBook book() {
        return book;
    }

    ScriptedFaults faults() {
        return faults;
    }

    CodeSource codes() {
        return codes;
    }

    /** Applies whatever is due by now, then hands the queued status updates on, outside the lock. */
    void catchUpAndDeliver() {
        read(() -> null);
        push.deliver();
    }

    /** Forgets every request, message, update, fault and code fixed after building. */
    void reset() {
        synchronized (lock) {
            book.clear();
            outbox.clear();
            faults.clear();
            push.clear();
            codes.reset();
        }
    }

    /** Runs one port call under the lock, after time caught up, with any scripted fault applied. */
    private <T> T call(Operation operation, Function<Instant, T> action) {
        synchronized (lock) {
            Instant now = catchUp();
            Optional<Fault> fault = faults.takeNext(operation);
            if (fault.isPresent() && fault.get().beforeEffect) {
                throw fault.get().exception(rules.throttleRetryAfter());
            }
            T outcome = action.apply(now);
            if (fault.isPresent()) {
                throw fault.get().exception(rules.throttleRetryAfter());
            }
            return outcome;
        }
    }

    /** Applies every step timeout due by now, in time order, then drops what the retention window let go. */
    private Instant catchUp() {
        // Time never runs backwards inside the fake, even if the clock's base (system time) steps back.
        Instant now = clock.instant();
        if (now.isBefore(lastNow)) {
            now = lastNow;
        }
        lastNow = now;
        for (Optional<SimulatedRequest> due = book.nextDueBy(now); due.isPresent(); due = book.nextDueBy(now)) {
            SimulatedRequest request = due.get();
            Instant at = request.nextDueAt();
            push.queue(new StepUpdate(request.id(), request.channel(), StepStatus.EXPIRED, at));
            if (request.atLastStep()) {
                finish(request, RequestStatus.EXPIRED, at);
            } else {
                enterNextStep(request, at);
            }
        }
        for (SimulatedRequest gone : book.purgeFinishedBy(now.minus(retention))) {
            outbox.drop(gone);
            push.drop(gone.id());
        }
        return now;
    }

    /** The next step starts at {@code at}, with a new code when the plan says so. */
    private SimulatedRequest enterNextStep(SimulatedRequest request, Instant at) {
        int step = request.step() + 1;
        Optional<String> newCode = request.needsNewCodeAt(at)
                ? Optional.of(codes.next(request.number(), request.plan().codeLength())) : Optional.empty();
        String code = newCode.orElse(request.code());
        RequestSnapshot.Event event = deliver(request.id(), request.number(), request.to(), request.brand(),
                request.plan(), step, code, at);
        SimulatedRequest moved = request.enteredStep(at, newCode, rules.freshAttemptsWithNewCode(), event);
        book.replace(moved);
        push.queue(new StepUpdate(moved.id(), moved.channel(), StepStatus.STARTED, at));
        return moved;
    }

    /** Puts the step's message in the outbox; the event is what search shows of it. */
    private RequestSnapshot.Event deliver(RequestId id, Optional<PhoneNumber> number, List<String> to, Brand brand,
                                          Plan plan, int step, String code, Instant at) {
        Channel channel = plan.channels().get(step);
        outbox.add(new DeliveredMessage(number, channel, code, rules.render(channel, brand, code), at, id,
                to.get(step)));
        // Sixteen uppercase hex digits, the shape of Vonage's event ids.
        return new RequestSnapshot.Event(EVENT_ID_HEX.toHexDigits(++eventSequence), channel, at);
    }

    private void finish(SimulatedRequest request, RequestStatus end, Instant at) {
        book.replace(request.finished(end, at));
        push.queue(new RequestEnded(request.id(), endStatusOf(end), at));
    }

    private static EndStatus endStatusOf(RequestStatus end) {
        return switch (end) {
            case VERIFIED -> EndStatus.COMPLETED;
            case FAILED -> EndStatus.FAILED;
            case EXPIRED -> EndStatus.EXPIRED;
            case CANCELLED -> EndStatus.CANCELLED;
            case IN_PROGRESS, UNKNOWN -> throw new IllegalArgumentException("a request does not end " + end);
        };
    }
}
