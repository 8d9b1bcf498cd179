package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.port.VerificationGateway;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The use cases: start a verification, check a code, cancel, move to the next delivery step, and look one up.
 *
 * <p>Operations on one flow are serialized, so concurrent checks count every attempt and verify at most once.
 * Commands on a finished flow are refused without calling the provider. A provider failure
 * ({@link GatewayException}) leaves the flow exactly as it was. Answers the provider may have lost are reconciled,
 * not guessed: see {@link #check} and {@link #start}.
 *
 * <p>Abuse controls ({@link AbuseControls}: send limits, resend cooldown, failed-check delay, conversion alarm) are
 * on by default; a start or next step they refuse throws {@link RateLimitedException} before the provider is
 * called.
 */
public final class VerificationService {
    private static final System.Logger LOG = System.getLogger(VerificationService.class.getName());
    private static final int LOCK_STRIPES = 256;
    private static final int MAX_UPDATE_RETRIES = 16;
    private static final int MAX_REMEMBERED_LOST_STARTS = 10_000;

    private final VerificationGateway gateway;
    private final FlowStore store;
    private final VerificationPolicy policy;
    private final Brand brand;
    private final Clock clock;
    private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];
    private final List<VerificationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<ConversionAlarmListener> alarmListeners = new CopyOnWriteArrayList<>();
    private final AbuseGuard abuseGuard;
    /** Numbers whose last start failed without a usable answer, and when; the provider may have sent a code. */
    private final ConcurrentHashMap<PhoneNumber, Instant> lostStarts = new ConcurrentHashMap<>();

    /** A service with every abuse control on, with its defaults, counting in memory. */
    public VerificationService(VerificationGateway gateway, FlowStore store, VerificationPolicy policy, Brand brand,
                               Clock clock) {
        this(gateway, store, policy, brand, clock, AbuseControls.defaults());
    }

    /** A service with the given abuse controls; {@link AbuseControls#none()} turns them all off. */
    public VerificationService(VerificationGateway gateway, FlowStore store, VerificationPolicy policy, Brand brand,
                               Clock clock, AbuseControls abuseControls) {
        this.abuseGuard = new AbuseGuard(Objects.requireNonNull(abuseControls, "abuseControls"));
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.brand = Objects.requireNonNull(brand, "brand");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public VerificationPolicy policy() {
        return policy;
    }

    public void addListener(VerificationListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(VerificationListener listener) {
        listeners.remove(listener);
    }

    public void addAlarmListener(ConversionAlarmListener listener) {
        alarmListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeAlarmListener(ConversionAlarmListener listener) {
        alarmListeners.remove(listener);
    }

    /** The conversion alarms raised now, with their current counts, for a health or metrics page. */
    public List<ConversionAlarm> raisedConversionAlarms() {
        return abuseGuard.raisedAlarms(clock.instant());
    }

    /**
     * Sends a first code to {@code number} for a caller that cannot name its client; the per-client send limit does
     * not apply. See {@link #start(PhoneNumber, ClientKey)}.
     */
    public VerificationFlow start(PhoneNumber number) {
        return start(number, Optional.empty());
    }

    /**
     * Sends a first code to {@code number} and begins a flow.
     *
     * <p>If an earlier start for the number got no usable answer and the provider now says a request is already
     * in flight, that request is the one the lost start created, and the new flow adopts it.
     *
     * @param client who asks, for the per-client send limit: typically the client's IP address
     * @throws RateLimitedException            an abuse control refused; nothing was sent
     * @throws NumberRejectedException         the provider will not send to this number
     * @throws ConcurrentVerificationException the number already has a verification in flight
     * @throws GatewayException                the provider could not be asked; nothing was started here
     * @throws StoreUnavailableException      the flow could not be stored; a retry adopts the code already sent
     */
    public VerificationFlow start(PhoneNumber number, ClientKey client) {
        return start(number, Optional.of(Objects.requireNonNull(client, "client")));
    }

    private VerificationFlow start(PhoneNumber number, Optional<ClientKey> client) {
        Objects.requireNonNull(number, "number");
        abuseGuard.beforeStart(number, client, clock.instant());
        StartOutcome outcome;
        try {
            outcome = gateway.start(new StartRequest(number, brand, policy.codeLength()));
        } catch (GatewayException e) {
            if (e.reason() != GatewayException.Reason.MISCONFIGURED && e.reason() != GatewayException.Reason.THROTTLED) {
                rememberLostStart(number, clock.instant());
            }
            throw e;
        }
        Instant now = clock.instant();
        if (outcome instanceof StartOutcome.Started started) {
            lostStarts.remove(number);
            VerificationFlow flow = VerificationFlow.started(FlowId.random(), number, started.requestId(),
                    started.channel(), now, started.requestEndsAt(), policy);
            insertSent(flow, now);
            log(flow, "started");
            publish(List.of(new VerificationEvent.Started(flow, now)));
            return flow;
        }
        if (outcome instanceof StartOutcome.ConcurrentVerification concurrent) {
            Instant lostAt = lostStarts.remove(number);
            if (lostAt != null && lostAt.plus(policy.maxLifetime()).isAfter(now)) {
                // The provider only tells the first channel in the answer we lost; its default plan starts by SMS.
                VerificationFlow flow = VerificationFlow.started(FlowId.random(), number, concurrent.inFlight(),
                        Channel.SMS, lostAt, lostAt.plus(policy.maxLifetime()), policy);
                insertSent(flow, lostAt);
                log(flow, "adopted the request of a start whose answer was lost");
                publish(List.of(new VerificationEvent.Started(flow, now)));
                return flow;
            }
            throw new ConcurrentVerificationException();
        }
        StartOutcome.Rejected rejected = (StartOutcome.Rejected) outcome;
        throw new NumberRejectedException(rejected.reason(), rejected.detail());
    }

    /**
     * Checks a code the user typed.
     *
     * <p>When the provider no longer knows the request (for example a retry after a lost answer to a correct
     * code), the service asks for the request's status before deciding.
     *
     * @throws FlowNotFoundException  no flow with this id
     * @throws FlowFinishedException  the flow already ended (by time or otherwise); the provider was not called
     * @throws GatewayException       the provider could not be asked; the flow is unchanged and no attempt counted
     */
    public CheckResult check(FlowId id, VerificationCode code) {
        Objects.requireNonNull(code, "code");
        return withFlowLocked(id, flow -> {
            CheckOutcome outcome = gateway.check(flow.requestId(), code);
            Instant now = clock.instant();
            if (outcome instanceof CheckOutcome.Correct) {
                VerificationFlow next = save(flow, current -> current.verified(now));
                return new Decision<>(new CheckResult(next, CheckResult.Outcome.CORRECT), List.of(
                        new VerificationEvent.CodeChecked(next, now, true), new VerificationEvent.Verified(next, now)));
            }
            if (outcome instanceof CheckOutcome.WrongCode wrong) {
                VerificationFlow next = save(flow, current -> current.wrongCode(now, wrong.attemptsRemaining(), policy));
                VerificationEvent checked = new VerificationEvent.CodeChecked(next, now, false);
                if (next.state() == FlowState.FAILED) {
                    return new Decision<>(new CheckResult(next, CheckResult.Outcome.TOO_MANY_ATTEMPTS),
                            List.of(checked, new VerificationEvent.Failed(next, now)));
                }
                return new Decision<>(new CheckResult(next, CheckResult.Outcome.WRONG_CODE), List.of(checked));
            }
            if (outcome instanceof CheckOutcome.TooManyAttempts) {
                VerificationFlow next = save(flow, current -> current.failed(now, true));
                return new Decision<>(new CheckResult(next, CheckResult.Outcome.TOO_MANY_ATTEMPTS), List.of(
                        new VerificationEvent.CodeChecked(next, now, false), new VerificationEvent.Failed(next, now)));
            }
            Decision<VerificationFlow> reconciled = reconcile(flow);
            VerificationFlow next = reconciled.value();
            CheckResult.Outcome result;
            switch (next.state()) {
                case VERIFIED:
                    result = CheckResult.Outcome.CORRECT;
                    break;
                case FAILED:
                    result = CheckResult.Outcome.TOO_MANY_ATTEMPTS;
                    break;
                default:
                    result = CheckResult.Outcome.EXPIRED;
            }
            return new Decision<>(new CheckResult(next, result), reconciled.events());
        });
    }

    /**
     * Cancels a pending verification, so a correct code no longer completes it.
     *
     * @throws CancelNotPermittedException the provider refuses now (too early or too late); the flow goes on
     * @throws FlowFinishedException       the flow already ended, or the provider no longer had it
     */
    public VerificationFlow cancel(FlowId id) {
        return withFlowLocked(id, flow -> {
            CancelOutcome outcome = gateway.cancel(flow.requestId());
            Instant now = clock.instant();
            if (outcome instanceof CancelOutcome.Cancelled) {
                VerificationFlow next = save(flow, current -> current.cancelled(now));
                return new Decision<>(next, List.of(new VerificationEvent.Cancelled(next, now)));
            }
            if (outcome instanceof CancelOutcome.NotPermitted refused) {
                throw new CancelNotPermittedException(refused.reason());
            }
            return finishedAfterReconciling(reconcile(flow));
        });
    }

    /**
     * Moves delivery to the next step now, for example from SMS to a voice call.
     *
     * @throws RateLimitedException the resend cooldown of the flow's number has not passed; nothing was sent
     * @throws NoNextStepException   the last step was already used; the flow goes on
     * @throws FlowFinishedException the flow already ended, or the provider no longer had it
     */
    public VerificationFlow next(FlowId id) {
        return withFlowLocked(id, flow -> {
            abuseGuard.beforeResend(flow.number(), clock.instant());
            AdvanceOutcome outcome = gateway.advance(flow.requestId());
            Instant now = clock.instant();
            if (outcome instanceof AdvanceOutcome.Advanced advanced) {
                VerificationFlow next = save(flow,
                        current -> current.advanced(advanced.channel(), advanced.requestEndsAt(), now, policy));
                return new Decision<>(next, List.of(new VerificationEvent.Advanced(next, now)));
            }
            if (outcome instanceof AdvanceOutcome.NoStepsLeft) {
                throw new NoNextStepException();
            }
            return finishedAfterReconciling(reconcile(flow));
        });
    }

    /** The flow with this id, expired first if its time has passed. */
    public Optional<VerificationFlow> find(FlowId id) {
        Objects.requireNonNull(id, "id");
        ReentrantLock lock = lockFor(id);
        List<VerificationEvent> events = new ArrayList<>(1);
        Optional<VerificationFlow> found;
        lock.lock();
        try {
            found = store.find(id).map(flow -> expireIfDue(flow, events));
        } finally {
            lock.unlock();
        }
        publish(events);
        return found;
    }

    /**
     * Expires pending flows whose time has passed, at most {@code limit} of them, touching only those. Call it
     * from a scheduler so expiry events are emitted even for flows nobody looks at again.
     *
     * @return how many flows it expired
     */
    public int expireDue(int limit) {
        int expired = 0;
        for (VerificationFlow due : store.pendingDueBy(clock.instant(), limit)) {
            ReentrantLock lock = lockFor(due.id());
            List<VerificationEvent> events = new ArrayList<>(1);
            lock.lock();
            try {
                store.find(due.id()).ifPresent(flow -> expireIfDue(flow, events));
            } finally {
                lock.unlock();
            }
            expired += events.size();
            publish(events);
        }
        return expired;
    }

    private <T> T withFlowLocked(FlowId id, Function<VerificationFlow, Decision<T>> command) {
        Objects.requireNonNull(id, "id");
        ReentrantLock lock = lockFor(id);
        List<VerificationEvent> events = new ArrayList<>(2);
        Decision<T> decision;
        lock.lock();
        try {
            VerificationFlow flow = expireIfDue(store.find(id).orElseThrow(() -> new FlowNotFoundException(id)), events);
            decision = flow.isTerminal()
                    ? Decision.refused(new FlowFinishedException(flow.state()), List.of())
                    : command.apply(flow);
        } finally {
            lock.unlock();
        }
        // Listeners run outside the lock so a slow listener never holds up other commands on the flow.
        events.addAll(decision.events());
        publish(events);
        if (decision.refusal() != null) {
            throw decision.refusal();
        }
        return decision.value();
    }

    private VerificationFlow expireIfDue(VerificationFlow flow, List<VerificationEvent> events) {
        Instant now = clock.instant();
        if (!flow.isDueToExpire(now)) {
            return flow;
        }
        VerificationFlow expired;
        try {
            expired = save(flow, current -> current.isDueToExpire(now) ? current.expired(now) : current);
        } catch (FlowFinishedException endedElsewhere) {
            // Another instance ended it first; show the flow as that instance left it.
            return store.find(flow.id()).orElseThrow(() -> new FlowNotFoundException(flow.id()));
        }
        if (expired.state() == FlowState.EXPIRED) {
            log(expired, "expired");
            events.add(new VerificationEvent.Expired(expired, now));
        }
        return expired;
    }

    /** The provider no longer knows the request: ask how it ended, then end the flow that way. */
    private Decision<VerificationFlow> reconcile(VerificationFlow flow) {
        RequestStatus status = gateway.status(flow.requestId());
        Instant now = clock.instant();
        VerificationFlow next;
        VerificationEvent event;
        switch (status) {
            case VERIFIED:
                next = save(flow, current -> current.verified(now));
                event = new VerificationEvent.Verified(next, now);
                break;
            case FAILED:
                next = save(flow, current -> current.failed(now, false));
                event = new VerificationEvent.Failed(next, now);
                break;
            case CANCELLED:
                next = save(flow, current -> current.cancelled(now));
                event = new VerificationEvent.Cancelled(next, now);
                break;
            default:
                next = save(flow, current -> current.expired(now));
                event = new VerificationEvent.Expired(next, now);
        }
        log(next, "reconciled with the provider, whose status is " + status);
        return new Decision<>(next, List.of(event));
    }

    private static <T> Decision<T> finishedAfterReconciling(Decision<VerificationFlow> reconciled) {
        return Decision.refused(new FlowFinishedException(reconciled.value().state()), reconciled.events());
    }

    /**
     * Stores {@code transition(flow)}. If another writer (another app instance sharing the store) changed the flow
     * first, the transition is applied to the fresh copy instead; if that writer already ended the flow, its
     * result stands and this command is refused, so a verification is reported as won exactly once.
     *
     * @throws FlowFinishedException another writer ended the flow first
     */
    private VerificationFlow save(VerificationFlow flow, UnaryOperator<VerificationFlow> transition) {
        VerificationFlow current = flow;
        for (int attempt = 0; attempt < MAX_UPDATE_RETRIES; attempt++) {
            VerificationFlow next = transition.apply(current);
            if (next == current || store.update(next)) {
                if (next != current) {
                    log(next, "changed");
                }
                return next;
            }
            FlowId id = current.id();
            current = store.find(id).orElseThrow(() -> new FlowNotFoundException(id));
            if (current.isTerminal()) {
                throw new FlowFinishedException(current.state());
            }
        }
        throw new IllegalStateException("flow " + flow.id() + " kept changing under us; giving up after "
                + MAX_UPDATE_RETRIES + " tries");
    }

    /**
     * Stores a new flow whose code the provider sent at {@code sentAt}. If the store fails, the start is remembered
     * as lost: a retry will hear "concurrent verification" and must adopt that request rather than refuse the number
     * until it expires.
     */
    private void insertSent(VerificationFlow flow, Instant sentAt) {
        try {
            store.insert(flow);
        } catch (StoreUnavailableException e) {
            rememberLostStart(flow.number(), sentAt);
            throw e;
        }
    }

    private void rememberLostStart(PhoneNumber number, Instant at) {
        Instant now = clock.instant();
        if (lostStarts.size() >= MAX_REMEMBERED_LOST_STARTS) {
            Instant stale = now.minus(policy.maxLifetime());
            lostStarts.values().removeIf(lostAt -> lostAt.isBefore(stale));
        }
        if (lostStarts.size() < MAX_REMEMBERED_LOST_STARTS) {
            lostStarts.put(number, at);
        }
    }

    private ReentrantLock lockFor(FlowId id) {
        return stripes[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    }

    private void publish(List<VerificationEvent> events) {
        for (VerificationEvent event : events) {
            List<ConversionAlarm> alarms = List.of();
            try {
                alarms = abuseGuard.after(event);
            } catch (RuntimeException e) {
                // The change stands; losing one count only makes a control a little more lenient for a while.
                LOG.log(System.Logger.Level.WARNING, "abuse controls could not record "
                        + event.getClass().getSimpleName() + "; the change stands", e);
            }
            for (VerificationListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a verification listener failed on "
                            + event.getClass().getSimpleName() + "; the change stands", e);
                }
            }
            alarms.forEach(this::publishAlarm);
        }
    }

    private void publishAlarm(ConversionAlarm alarm) {
        for (ConversionAlarmListener listener : alarmListeners) {
            try {
                listener.onAlarm(alarm);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a conversion alarm listener failed", e);
            }
        }
    }

    private static void log(VerificationFlow flow, String what) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "verification {0} for {1}: {2}, now {3}", flow.id(), flow.number(),
                    what, flow.state());
        }
    }

    /**
     * A command's result, or the refusal to throw, and the events it caused; both are delivered once the lock is
     * released.
     */
    private record Decision<T>(T value, List<VerificationEvent> events, VerificationException refusal) {
        Decision(T value, List<VerificationEvent> events) {
            this(value, events, null);
        }

        static <T> Decision<T> refused(VerificationException refusal, List<VerificationEvent> events) {
            return new Decision<>(null, events, refusal);
        }
    }
}
