package dev.phoneverify.micrometer;

import dev.phoneverify.core.usecase.StableNames;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.CALLING_CODE;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.CHANNEL;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.ERROR;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.LIMIT;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.OPERATION;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.OUTCOME;
import static dev.phoneverify.micrometer.PhoneVerifyMeterNames.REASON;

import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.VerificationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The meters of one registry. Each bound registry has its own, so a second registry never receives the first
 * one's counts, and nothing is counted twice.
 */
final class RegistryMeters {
    private static final String CHECK_ACCEPTED = "accepted";
    private static final String CHECK_REJECTED = "rejected";

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Counter> starts;
    private final Meter.MeterProvider<Counter> checks;
    private final Meter.MeterProvider<Counter> ended;
    private final Meter.MeterProvider<Counter> advances;
    private final Meter.MeterProvider<Counter> refusals;
    private final Meter.MeterProvider<Timer> gatewayCalls;
    private final Map<String, Conversion> conversions = new ConcurrentHashMap<>();
    private final Set<String> alarmGauges = ConcurrentHashMap.newKeySet();
    /** When this registry began counting: a flow created before it never counts as converted here. */
    private final AtomicReference<Instant> countingSince = new AtomicReference<>();

    RegistryMeters(MeterRegistry registry) {
        this.registry = registry;
        this.starts = Counter.builder(PhoneVerifyMeterNames.STARTS).baseUnit("starts")
                .description("Verifications started: a first code went out").withRegistry(registry);
        this.checks = Counter.builder(PhoneVerifyMeterNames.CHECKS).baseUnit("checks")
                .description("Codes the provider checked, by whether it accepted them").withRegistry(registry);
        this.ended = Counter.builder(PhoneVerifyMeterNames.ENDED).baseUnit("verifications")
                .description("Verifications that ended, by why").withRegistry(registry);
        this.advances = Counter.builder(PhoneVerifyMeterNames.ADVANCES).baseUnit("advances")
                .description("Deliveries moved to their next step, by the new channel").withRegistry(registry);
        this.refusals = Counter.builder(PhoneVerifyMeterNames.REFUSALS).baseUnit("refusals")
                .description("Sends an abuse control refused, by the control").withRegistry(registry);
        this.gatewayCalls = Timer.builder(PhoneVerifyMeterNames.GATEWAY_CALLS)
                .description("Calls to the verification provider, by operation and outcome").withRegistry(registry);
        // Present from the start, so a rate over them is defined before the first check or refusal.
        checks.withTag(OUTCOME, CHECK_ACCEPTED);
        checks.withTag(OUTCOME, CHECK_REJECTED);
        for (Refusal.Limit limit : Refusal.Limit.values()) {
            refusals.withTag(LIMIT, StableNames.of(limit));
        }
    }

    MeterRegistry registry() {
        return registry;
    }

    void record(VerificationEvent event) {
        VerificationFlow flow = event.flow();
        // A start's event comes a moment after its flow was made; counting begins with that flow, so the first
        // verification seen counts as converted (on a clock that moves, it was dropped as older than counting).
        countingSince.compareAndSet(null, event.kind() == VerificationEvent.Kind.STARTED
                && flow.createdAt().isBefore(event.at()) ? flow.createdAt() : event.at());
        String callingCode = CallingCode.of(flow.number()).digits();
        Counter counter = switch (event.kind()) {
            case STARTED -> {
                conversion(callingCode).started.increment();
                yield starts.withTags(CHANNEL, TagValues.channel(flow.channel()), CALLING_CODE, callingCode);
            }
            case CODE_ACCEPTED -> checks.withTag(OUTCOME, CHECK_ACCEPTED);
            case CODE_REJECTED -> checks.withTag(OUTCOME, CHECK_REJECTED);
            case VERIFIED -> {
                countConverted(flow, callingCode);
                yield ended(flow, callingCode);
            }
            case FAILED, EXPIRED, CANCELLED -> ended(flow, callingCode);
            case ADVANCED -> advances.withTag(CHANNEL, TagValues.channel(flow.channel()));
        };
        counter.increment();
    }

    void refused(Refusal.Limit limit) {
        refusals.withTag(LIMIT, StableNames.of(limit)).increment();
    }

    /** The registry's monotonic time now, the start of a {@link #gatewayCall}. */
    long monotonicTime() {
        return registry.config().clock().monotonicTime();
    }

    void gatewayCall(String operation, String outcome, String error, long startedAt) {
        gatewayCalls.withTags(OPERATION, operation, OUTCOME, outcome, ERROR, error)
                .record(monotonicTime() - startedAt, TimeUnit.NANOSECONDS);
    }

    /** Shows {@code state} (1 raised, 0 cleared) as the alarm gauge of {@code callingCode}; idempotent. */
    void alarmGauge(String callingCode, AtomicInteger state) {
        if (!alarmGauges.add(callingCode)) {
            return;
        }
        Gauge.builder(PhoneVerifyMeterNames.CONVERSION_ALARM, state, AtomicInteger::get)
                .description("1 while the conversion alarm of a calling code is raised (possible SMS pumping)")
                .tag(CALLING_CODE, callingCode)
                .register(registry);
    }

    private Counter ended(VerificationFlow flow, String callingCode) {
        String reason = flow.endReason().map(StableNames::of)
                .orElseThrow(() -> new IllegalStateException("an ended flow has an end reason"));
        return ended.withTags(REASON, reason, CALLING_CODE, callingCode);
    }

    private void countConverted(VerificationFlow flow, String callingCode) {
        Instant since = countingSince.get();
        if (!flow.createdAt().isBefore(since)) {
            // A code never seen starting here has no gauge, so its verifications have nowhere to count.
            conversions.computeIfPresent(callingCode, (code, conversion) -> {
                conversion.verified.increment();
                return conversion;
            });
        }
    }

    private Conversion conversion(String callingCode) {
        return conversions.computeIfAbsent(callingCode, code -> {
            Conversion conversion = new Conversion();
            Gauge.builder(PhoneVerifyMeterNames.CONVERSION_RATE, conversion, Conversion::rate)
                    .description("Share of the verifications started here since counting began that were verified")
                    .baseUnit("ratio")
                    .tag(CALLING_CODE, code)
                    .register(registry);
            return conversion;
        });
    }

    /** Started and verified flows of one calling code; the map above keeps it, so the gauge's weak hold is safe. */
    private static final class Conversion {
        private final LongAdder started = new LongAdder();
        private final LongAdder verified = new LongAdder();

        double rate() {
            return new ConversionCounts(started.sum(), verified.sum()).rate();
        }
    }
}
