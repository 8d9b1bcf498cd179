package dev.phoneverify.micrometer;

import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.ConversionAlarmListener;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartVerification;
import dev.phoneverify.core.usecase.VerificationEvent;
import dev.phoneverify.core.usecase.VerificationListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Meters for phone verification (names in {@link PhoneVerifyMeterNames}): a listener for the use cases' events and
 * conversion alarms, and decorators for what emits no event (refused sends, provider calls).
 *
 * <pre>{@code
 * PhoneVerifyMetrics metrics = PhoneVerifyMetrics.create();
 * Verifications verifications = Verifications.builder().gateway(metrics.timedGateway(vonage))...build();
 * metrics.listenTo(verifications);
 * StartVerification starts = metrics.startVerification(verifications);   // counts refused sends
 * MoveToNextStep nextSteps = metrics.moveToNextStep(verifications);
 * metrics.bindTo(registry);
 * ...
 * metrics.close();                                                        // unsubscribes, stops counting
 * }</pre>
 *
 * <p>Each {@link #bindTo} gives that registry meters of its own, and binding the same registry again changes
 * nothing, so no count is ever sent twice or to the wrong registry. Thread-safe.
 */
public final class PhoneVerifyMetrics implements MeterBinder, AutoCloseable, VerificationListener,
        ConversionAlarmListener {
    private final List<RegistryMeters> bound = new CopyOnWriteArrayList<>();
    private final List<Verifications> sources = new CopyOnWriteArrayList<>();
    /** 1 while a calling code's alarm is raised: the world's state, shown by every bound registry. */
    private final Map<String, AtomicInteger> alarms = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private PhoneVerifyMetrics() {
    }

    /** Metrics bound to no registry yet and listening to nothing yet. */
    public static PhoneVerifyMetrics create() {
        return new PhoneVerifyMetrics();
    }

    /**
     * Subscribes to {@code verifications}' events and alarms, until {@link #close}, and shows the alarms raised now.
     * Subscribing twice to the same use cases changes nothing. (Adding this object as a listener by hand works too,
     * but then {@link #close} cannot unsubscribe it; it only stops counting.)
     */
    public synchronized PhoneVerifyMetrics listenTo(Verifications verifications) {
        Objects.requireNonNull(verifications, "verifications");
        requireOpen();
        if (sources.stream().noneMatch(source -> source == verifications)) {
            verifications.raisedConversionAlarms().forEach(this::onAlarm);
            verifications.addListener(this);
            verifications.addAlarmListener(this);
            sources.add(verifications);
        }
        return this;
    }

    /** {@code gateway}, with every provider call timed ({@link PhoneVerifyMeterNames#GATEWAY_CALLS}). */
    public VerificationGateway timedGateway(VerificationGateway gateway) {
        return new TimedGateway(Objects.requireNonNull(gateway, "gateway"), this::bound);
    }

    /** {@code starts}, counting the starts an abuse control refuses ({@link PhoneVerifyMeterNames#REFUSALS}). */
    public StartVerification startVerification(StartVerification starts) {
        return new RefusalCounting.Start(Objects.requireNonNull(starts, "starts"), this::bound);
    }

    /** {@code nextSteps}, counting the resends an abuse control refuses ({@link PhoneVerifyMeterNames#REFUSALS}). */
    public MoveToNextStep moveToNextStep(MoveToNextStep nextSteps) {
        return new RefusalCounting.NextStep(Objects.requireNonNull(nextSteps, "nextSteps"), this::bound);
    }

    /** Registers the meters in {@code registry} and counts into it from now on; binding it again changes nothing. */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        requireOpen();
        if (bound.stream().anyMatch(meters -> meters.registry() == registry)) {
            return;
        }
        RegistryMeters meters = new RegistryMeters(registry);
        alarms.forEach(meters::alarmGauge);
        bound.add(meters);
    }

    @Override
    public void onEvent(VerificationEvent event) {
        if (!closed) {
            bound.forEach(meters -> meters.record(event));
        }
    }

    @Override
    public void onAlarm(ConversionAlarm alarm) {
        if (closed) {
            return;
        }
        int raised = switch (alarm.state()) {
            case RAISED -> 1;
            case CLEARED -> 0;
        };
        String callingCode = alarm.callingCode().digits();
        AtomicInteger state = alarms.computeIfAbsent(callingCode, code -> new AtomicInteger());
        state.set(raised);
        bound.forEach(meters -> meters.alarmGauge(callingCode, state));
    }

    /**
     * Unsubscribes from the use cases given to {@link #listenTo} and stops counting, decorators included. The meters
     * stay registered with their last values; a closed instance cannot be bound again.
     */
    @Override
    public synchronized void close() {
        closed = true;
        for (Verifications source : sources) {
            source.removeListener(this);
            source.removeAlarmListener(this);
        }
        sources.clear();
        bound.clear();
    }

    /** The registries counted into now; empty once closed. */
    private List<RegistryMeters> bound() {
        return closed ? List.of() : bound;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("these metrics are closed; create new ones");
        }
    }
}
