package dev.phoneverify.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.MoveToNextStep;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhoneVerifyMetricsTest {
    static final PhoneNumber UK = PhoneNumber.parse("+447700900001");
    static final PhoneNumber UK_TOO = PhoneNumber.parse("+447700900002");
    static final PhoneNumber US = PhoneNumber.parse("+12025550100");

    final Clock clock = Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC);
    final MockClock registryClock = new MockClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, registryClock);
    final InMemoryProvider provider = new InMemoryProvider(clock, registryClock);
    final PhoneVerifyMetrics metrics = PhoneVerifyMetrics.create();
    Verifications verifications;
    StartVerification starts;
    MoveToNextStep nextSteps;

    @AfterEach
    void close() {
        metrics.close();
    }

    void useCases(AbuseControlPolicy abuse) {
        verifications = Verifications.builder()
                .gateway(metrics.timedGateway(provider))
                .flows(InMemoryStores.flows(clock))
                .abuseControls(InMemoryStores.abuseControls(abuse))
                .brand(new Brand("Acme"))
                .clock(clock)
                .build();
        metrics.listenTo(verifications);
        starts = metrics.startVerification(verifications);
        nextSteps = metrics.moveToNextStep(verifications);
        metrics.bindTo(registry);
    }

    VerificationFlow start(PhoneNumber number) {
        return starts.start(StartCommand.to(number)).accept(new StartResult.Visitor<VerificationFlow>() {
            @Override
            public VerificationFlow started(StartResult.Started started) {
                return started.flow();
            }

            @Override
            public VerificationFlow refused(StartResult.Refused refused) {
                throw new AssertionError("start refused: " + refused.refusal());
            }
        });
    }

    void check(VerificationFlow flow, String code) {
        verifications.check(new CheckCommand(flow.id(), VerificationCode.parse(code)));
    }

    double count(String name, String... tags) {
        return registry.get(name).tags(tags).counter().count();
    }

    double gauge(String name, String callingCode) {
        return registry.get(name).tag(PhoneVerifyMeterNames.CALLING_CODE, callingCode).gauge().value();
    }

    Timer gatewayCalls(String operation, String outcome, String error) {
        return registry.get(PhoneVerifyMeterNames.GATEWAY_CALLS)
                .tags("operation", operation, "outcome", outcome, "error", error).timer();
    }

    @Test
    void startsAreCountedByChannelAndCallingCode() {
        useCases(AbuseControlPolicy.none());

        start(UK);
        start(UK_TOO);
        start(US);

        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "44")).isEqualTo(2);
        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "1")).isEqualTo(1);
    }

    @Test
    void checksAreCountedByOutcomeAndTheEndByItsReason() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow flow = start(UK);

        check(flow, "9999");
        check(flow, InMemoryProvider.RIGHT_CODE);

        assertThat(count("phoneverify.checks", "outcome", "rejected")).isEqualTo(1);
        assertThat(count("phoneverify.checks", "outcome", "accepted")).isEqualTo(1);
        assertThat(count("phoneverify.ended", "reason", "code_verified", "calling.code", "44")).isEqualTo(1);
    }

    @Test
    void tooManyWrongCodesAndACancelEndWithTheirOwnReasons() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow failing = start(UK);
        VerificationFlow cancelled = start(US);

        for (int i = 0; i < 3; i++) {
            check(failing, "9999");
        }
        verifications.cancel(cancelled.id());

        assertThat(count("phoneverify.checks", "outcome", "rejected")).isEqualTo(3);
        assertThat(count("phoneverify.ended", "reason", "too_many_wrong_codes", "calling.code", "44")).isEqualTo(1);
        assertThat(count("phoneverify.ended", "reason", "cancelled_on_request", "calling.code", "1")).isEqualTo(1);
    }

    @Test
    void aMoveToTheNextStepIsCountedByItsNewChannel() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow flow = start(UK);

        nextSteps.next(flow.id());

        assertThat(count("phoneverify.advances", "channel", "voice")).isEqualTo(1);
    }

    @Test
    void startsAnAbuseControlRefusesAreCountedByTheLimit() {
        useCases(AbuseControlPolicy.none()
                .withSendLimits(SendLimitPolicy.none().withPerNumber(SendLimit.of(1, Duration.ofMinutes(10)))));
        start(UK);

        StartResult second = starts.start(StartCommand.to(UK));

        assertThat(second).isInstanceOf(StartResult.Refused.class);
        assertThat(count("phoneverify.refusals", "limit", "per_number")).isEqualTo(1);
        assertThat(count("phoneverify.refusals", "limit", "resend_cooldown")).isZero();
        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "44")).isEqualTo(1);
    }

    @Test
    void aResendInsideTheCooldownIsCountedAsRefused() {
        useCases(AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN));
        VerificationFlow flow = start(UK);

        nextSteps.next(flow.id());

        assertThat(count("phoneverify.refusals", "limit", "resend_cooldown")).isEqualTo(1);
        assertThat(registry.find("phoneverify.advances").counter()).isNull();
    }

    @Test
    void theConversionRateIsTheShareOfStartsVerifiedPerCallingCode() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow verified = start(UK);
        start(UK_TOO);
        start(US);

        check(verified, InMemoryProvider.RIGHT_CODE);

        assertThat(gauge("phoneverify.conversion.rate", "44")).isEqualTo(0.5);
        assertThat(gauge("phoneverify.conversion.rate", "1")).isZero();
    }

    @Test
    void aRaisedConversionAlarmShowsAsOneUntilItClears() {
        useCases(AbuseControlPolicy.none().withConversionAlarm(new ConversionAlarmPolicy(0.5, 2, Duration.ofHours(1))));
        VerificationFlow first = start(UK);
        start(UK_TOO);

        assertThat(gauge("phoneverify.conversion.alarm", "44")).isEqualTo(1);

        check(first, InMemoryProvider.RIGHT_CODE);

        assertThat(gauge("phoneverify.conversion.alarm", "44")).isZero();
    }

    @Test
    void anAlarmRaisedBeforeListeningShowsAtOnce() {
        useCases(AbuseControlPolicy.none().withConversionAlarm(new ConversionAlarmPolicy(0.5, 1, Duration.ofHours(1))));
        start(UK);
        SimpleMeterRegistry later = new SimpleMeterRegistry();
        PhoneVerifyMetrics fresh = PhoneVerifyMetrics.create().listenTo(verifications);

        fresh.bindTo(later);

        assertThat(later.get("phoneverify.conversion.alarm").tag("calling.code", "44").gauge().value()).isEqualTo(1);
        fresh.close();
    }

    @Test
    void providerCallsAreTimedOnTheRegistryClockByOperationAndOutcome() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow flow = start(UK);
        check(flow, "9999");
        check(flow, InMemoryProvider.RIGHT_CODE);

        Timer startCalls = gatewayCalls("start", "started", "none");
        assertThat(startCalls.count()).isEqualTo(1);
        assertThat(startCalls.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250);
        assertThat(gatewayCalls("check", "wrong_code", "none").count()).isEqualTo(1);
        assertThat(gatewayCalls("check", "correct", "none").count()).isEqualTo(1);
    }

    @Test
    void aProviderOutageIsTimedAsAnErrorWithItsReason() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow flow = start(UK);
        provider.failNextCall(new GatewayException(GatewayException.Reason.TIMEOUT, "no answer in 5 s"));

        assertThatThrownBy(() -> check(flow, InMemoryProvider.RIGHT_CODE)).isInstanceOf(GatewayException.class);

        assertThat(gatewayCalls("check", "error", "timeout").count()).isEqualTo(1);
        assertThat(count("phoneverify.checks", "outcome", "accepted")).isZero();
    }

    @Test
    void bindingTheSameRegistryTwiceCountsOnce() {
        useCases(AbuseControlPolicy.none());
        metrics.bindTo(registry);
        metrics.listenTo(verifications);

        start(UK);

        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "44")).isEqualTo(1);
        assertThat(gatewayCalls("start", "started", "none").count()).isEqualTo(1);
    }

    @Test
    void aSecondRegistryGetsOnlyWhatHappensAfterItIsBound() {
        useCases(AbuseControlPolicy.none());
        start(UK);
        SimpleMeterRegistry second = new SimpleMeterRegistry();

        metrics.bindTo(second);
        start(UK_TOO);

        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "44")).isEqualTo(2);
        assertThat(second.get("phoneverify.starts").tags("calling.code", "44").counter().count()).isEqualTo(1);
        assertThat(second.get("phoneverify.gateway.calls").tags("operation", "start").timer().count()).isEqualTo(1);
    }

    @Test
    void closingUnsubscribesAndStopsTheDecoratorsCounting() {
        useCases(AbuseControlPolicy.none()
                .withSendLimits(SendLimitPolicy.none().withPerNumber(SendLimit.of(1, Duration.ofMinutes(10)))));
        start(UK);

        metrics.close();
        start(US);
        starts.start(StartCommand.to(UK));

        assertThat(count("phoneverify.starts", "channel", "sms", "calling.code", "44")).isEqualTo(1);
        assertThat(registry.find("phoneverify.starts").tag("calling.code", "1").counter()).isNull();
        assertThat(count("phoneverify.refusals", "limit", "per_number")).isZero();
        assertThat(gatewayCalls("start", "started", "none").count()).isEqualTo(1);
        assertThatThrownBy(() -> metrics.bindTo(new SimpleMeterRegistry())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyMeterHasADescriptionAndNoTagCarriesANumberAnIdOrACode() {
        useCases(AbuseControlPolicy.none());
        VerificationFlow flow = start(UK);
        check(flow, "9999");
        nextSteps.next(flow.id());
        check(flow, InMemoryProvider.RIGHT_CODE);
        FlowId id = flow.id();

        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> {
            assertThat(meter.getId().getName()).matches("phoneverify(\\.[a-z]+)+");
            assertThat(meter.getId().getDescription()).isNotBlank();
            assertThat(meter.getId().getTags()).allSatisfy(tag -> {
                assertThat(tag.getKey()).isIn("channel", "calling.code", "outcome", "reason", "limit", "operation",
                        "error");
                assertThat(tag.getValue()).matches("[a-z0-9_]+")
                        .doesNotContain(UK.digits(), id.value(), flow.requestId().value(), "9999",
                                InMemoryProvider.RIGHT_CODE);
            });
        });
    }
}
