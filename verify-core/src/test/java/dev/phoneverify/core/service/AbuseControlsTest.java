package dev.phoneverify.core.service;

import static dev.phoneverify.core.support.Results.advanced;
import static dev.phoneverify.core.support.Results.as;
import static dev.phoneverify.core.support.Results.cancelled;
import static dev.phoneverify.core.support.Results.flowAfter;
import static dev.phoneverify.core.support.Results.refusal;
import static dev.phoneverify.core.support.Results.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.CallingCode;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ConversionAlarmPolicy;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.ConversionAlarm;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.Refusal.Limit;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each abuse control on its own, with a clock the test moves, through the service against a scripted gateway. */
class AbuseControlsTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final ClientKey CLIENT = new ClientKey("203.0.113.7");
    private static final VerificationCode CODE = VerificationCode.parse("1234");

    private final MutableClock clock = new MutableClock();
    private final ScriptedGateway gateway = new ScriptedGateway(clock);
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock, Duration.ofDays(2));
    private final List<ConversionAlarm> alarms = new ArrayList<>();

    private Verifications serviceWith(AbuseControlPolicy policy) {
        return serviceWith(policy, VerificationPolicy.defaults());
    }

    private Verifications serviceWith(AbuseControlPolicy policy, VerificationPolicy flowPolicy) {
        Verifications service = Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(InMemoryStores.abuseControls(policy)).brand(new Brand("Acme")).clock(clock)
                .policy(flowPolicy).build();
        service.addAlarmListener(alarms::add);
        return service;
    }

    private static StartCommand startFor(PhoneNumber number) {
        return StartCommand.to(number);
    }

    private static StartCommand startFor(PhoneNumber number, ClientKey client) {
        return StartCommand.to(number).withClient(client);
    }

    /** Starts a flow, which the test expects to pass every control. */
    private static VerificationFlow start(Verifications service, StartCommand command) {
        return started(service.start(command));
    }

    private static CheckCommand checkOf(VerificationFlow flow) {
        return new CheckCommand(flow.id(), CODE);
    }

    private static AbuseControlPolicy only(SendLimitPolicy limits) {
        return AbuseControlPolicy.none().withSendLimits(limits);
    }

    private static PhoneNumber ukNumber(int i) {
        return PhoneNumber.parse(String.format("+4477009%05d", i));
    }

    /** Refused by {@code limit}, waiting {@code retryAfter}, and the provider was not asked. */
    private void assertRefused(Supplier<Refusal> command, Limit limit, Duration retryAfter) {
        int callsBefore = gateway.totalCalls();
        Refusal.RateLimited refused = as(command.get(), Refusal.RateLimited.class);
        assertThat(refused.limit()).isEqualTo(limit);
        assertThat(refused.retryAfter()).isEqualTo(retryAfter);
        assertThat(refused.retryAt()).isEqualTo(clock.instant().plus(retryAfter));
        assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
    }

    private void assertStartRefused(Verifications service, StartCommand command, Limit limit, Duration retryAfter) {
        assertRefused(() -> refusal(service.start(command)), limit, retryAfter);
    }

    private void assertNextRefused(Verifications service, VerificationFlow flow, Limit limit, Duration retryAfter) {
        assertRefused(() -> refusal(service.next(flow.id())), limit, retryAfter);
    }

    @Nested
    class SendLimits {
        @Test
        void theFourthStartForANumberInTenMinutesIsRefusedUntilTheWindowEnds() {
            Verifications service = serviceWith(only(SendLimitPolicy.none().withPerNumber(SendLimitPolicy.DEFAULT_PER_NUMBER)));
            for (int i = 0; i < 3; i++) {
                start(service, startFor(NUMBER, new ClientKey("client-" + i)));
                clock.advance(Duration.ofMinutes(1));
            }

            // MutableClock.START is 10:00:00, so the fixed window ends at 10:10:00.
            assertStartRefused(service, startFor(NUMBER), Limit.PER_NUMBER, Duration.ofMinutes(7));
            clock.advance(Duration.ofMinutes(7));
            assertThat(start(service, startFor(NUMBER)).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theEleventhStartFromOneClientIsRefusedWhateverTheNumber() {
            Verifications service = serviceWith(only(SendLimitPolicy.none().withPerClient(SendLimitPolicy.DEFAULT_PER_CLIENT)));
            for (int i = 0; i < 10; i++) {
                start(service, startFor(ukNumber(i), CLIENT));
            }

            assertStartRefused(service, startFor(ukNumber(10), CLIENT), Limit.PER_CLIENT, Duration.ofMinutes(10));
            assertThat(start(service, startFor(ukNumber(10), new ClientKey("198.51.100.1"))).state()).isEqualTo(FlowState.PENDING);
            assertThat(start(service, startFor(ukNumber(11))).state())
                    .as("a caller without a client key is not counted per client").isEqualTo(FlowState.PENDING);
        }

        @Test
        void theHundredAndFirstStartForOneCallingCodeIsRefusedButOtherCountriesGoOn() {
            Verifications service = serviceWith(only(SendLimitPolicy.none()
                    .withPerCallingCode(SendLimitPolicy.DEFAULT_PER_CALLING_CODE)));
            for (int i = 0; i < 100; i++) {
                start(service, startFor(ukNumber(i)));
            }

            assertStartRefused(service, startFor(ukNumber(100)), Limit.PER_CALLING_CODE, Duration.ofMinutes(10));
            assertThat(start(service, startFor(PhoneNumber.parse("+353851234567"))).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void aLimitCanBeChanged() {
            Verifications service = serviceWith(only(SendLimitPolicy.none()
                    .withPerNumber(SendLimit.of(1, Duration.ofHours(1)))));
            start(service, startFor(NUMBER));

            assertStartRefused(service, startFor(NUMBER), Limit.PER_NUMBER, Duration.ofHours(1));
        }

        @Test
        void aStartRefusedByTheClientLimitDoesNotSpendTheNumbersAllowance() {
            Verifications service = serviceWith(only(SendLimitPolicy.defaults()
                    .withPerClient(SendLimit.of(1, Duration.ofMinutes(10)))));
            start(service, startFor(ukNumber(1), CLIENT));
            for (int i = 0; i < 5; i++) {
                assertStartRefused(service, startFor(NUMBER, CLIENT), Limit.PER_CLIENT, Duration.ofMinutes(10));
            }

            for (int i = 0; i < 3; i++) {
                start(service, startFor(NUMBER, new ClientKey("other-" + i)));
            }
        }
    }

    @Nested
    class ResendCooldown {
        private final Verifications service =
                serviceWith(AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN));

        @Test
        void eachResendWaitsTwiceAsLongAsTheLastUpToTenMinutes() {
            // A flow that lives an hour, so seven resends fit in it.
            Verifications patient = serviceWith(
                    AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN),
                    VerificationPolicy.defaults().withMaxLifetime(Duration.ofHours(1)));
            VerificationFlow flow = start(patient, startFor(NUMBER));

            Duration expectedWait = Duration.ofSeconds(30);
            for (int resend = 0; resend < 7; resend++) {
                Duration wait = expectedWait;
                assertNextRefused(patient, flow, Limit.RESEND_COOLDOWN, wait);
                clock.advance(wait.minusSeconds(1));
                assertNextRefused(patient, flow, Limit.RESEND_COOLDOWN, Duration.ofSeconds(1));
                clock.advance(Duration.ofSeconds(1));
                advanced(patient.next(flow.id()));
                expectedWait = expectedWait.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0
                        ? Duration.ofMinutes(10) : expectedWait.multipliedBy(2);
            }
            assertThat(expectedWait).isEqualTo(Duration.ofMinutes(10));
            assertNextRefused(patient, flow, Limit.RESEND_COOLDOWN, Duration.ofMinutes(10));
        }

        @Test
        void aNewStartAfterAnEndedFlowWaitsForTheCooldownToo() {
            VerificationFlow flow = start(service, startFor(NUMBER));
            clock.advance(Duration.ofSeconds(40));
            cancelled(service.cancel(flow.id()));

            clock.advance(Duration.ofSeconds(10));
            start(service, startFor(NUMBER));

            assertStartRefused(service, startFor(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(60));
        }

        @Test
        void aVerifiedFlowResetsTheCooldown() {
            VerificationFlow flow = start(service, startFor(NUMBER));
            clock.advance(Duration.ofSeconds(30));
            advanced(service.next(flow.id()));
            assertThat(service.check(checkOf(flow))).isInstanceOf(CheckResult.Verified.class);

            assertThat(start(service, startFor(NUMBER)).state()).isEqualTo(FlowState.PENDING);
            assertStartRefused(service, startFor(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        }

        @Test
        void otherNumbersAreNotHeldUp() {
            start(service, startFor(NUMBER));

            assertThat(start(service, startFor(ukNumber(1))).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theCooldownIsForgottenAfterAnHourWithoutSends() {
            VerificationFlow flow = start(service, startFor(NUMBER));
            clock.advance(Duration.ofSeconds(30));
            advanced(service.next(flow.id()));

            clock.advance(Duration.ofMinutes(61));
            start(service, startFor(NUMBER));

            assertStartRefused(service, startFor(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        }
    }

    @Nested
    class FailedCheckDelay {
        private final Verifications service =
                serviceWith(AbuseControlPolicy.none().withFailedCheckDelay(AbuseControlPolicy.DEFAULT_FAILED_CHECK_DELAY));

        private void failAFlow() {
            VerificationFlow flow = start(service, startFor(NUMBER));
            gateway.onCheck(new CheckOutcome.TooManyAttempts());
            assertThat(flowAfter(service.check(checkOf(flow))).state()).isEqualTo(FlowState.FAILED);
        }

        @Test
        void afterAFailedFlowNewFlowsWaitAMinuteThenTwoThenFour() {
            failAFlow();
            assertStartRefused(service, startFor(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(1));
            clock.advance(Duration.ofMinutes(1));

            failAFlow();
            assertStartRefused(service, startFor(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(2));
            clock.advance(Duration.ofMinutes(2));

            failAFlow();
            assertStartRefused(service, startFor(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(4));
        }

        @Test
        void theDelayIsCappedAtAnHourAndNeverBlocksForGood() {
            List<Duration> waits = new ArrayList<>();
            for (int failure = 0; failure < 8; failure++) {
                failAFlow();
                StartResult result = service.start(startFor(NUMBER));
                if (result instanceof StartResult.Refused) {
                    Refusal.RateLimited refused = as(refusal(result), Refusal.RateLimited.class);
                    waits.add(refused.retryAfter());
                    clock.advance(refused.retryAfter());
                }
            }

            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                    Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                    Duration.ofHours(1));
            assertThat(start(service, startFor(NUMBER)).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theDelayIsForgottenAfterAQuietDay() {
            failAFlow();
            clock.advance(Duration.ofMinutes(1));
            failAFlow();
            clock.advance(Duration.ofMinutes(2).plus(Duration.ofDays(1)));

            failAFlow();

            assertStartRefused(service, startFor(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(1));
        }
    }

    @Nested
    class ConversionAlarms {
        private final ConversionAlarmPolicy alarmPolicy = ConversionAlarmPolicy.defaults();
        private final Verifications service = serviceWith(AbuseControlPolicy.none().withConversionAlarm(alarmPolicy));
        private final List<VerificationFlow> flows = new ArrayList<>();

        private void start(int count) {
            for (int i = 0; i < count; i++) {
                flows.add(AbuseControlsTest.start(service, startFor(ukNumber(flows.size()))));
            }
        }

        private void verify(int count) {
            int verifiedSoFar = (int) flows.stream().filter(f -> store.find(f.id()).orElseThrow().state() == FlowState.VERIFIED).count();
            for (int i = verifiedSoFar; i < verifiedSoFar + count; i++) {
                assertThat(service.check(checkOf(flows.get(i)))).isInstanceOf(CheckResult.Verified.class);
            }
        }

        @Test
        void raisedOnceWhenUnderThirtyFivePercentOverFiftyStarts() {
            start(49);
            assertThat(alarms).as("49 starts are too few to judge").isEmpty();

            start(1);
            start(20);

            assertThat(alarms).singleElement().satisfies(alarm -> {
                assertThat(alarm.callingCode()).isEqualTo(new CallingCode("44"));
                assertThat(alarm.state()).isEqualTo(ConversionAlarm.State.RAISED);
                assertThat(alarm.counts()).isEqualTo(new ConversionCounts(50, 0));
            });
            assertThat(service.raisedConversionAlarms()).singleElement()
                    .satisfies(alarm -> assertThat(alarm.counts()).isEqualTo(new ConversionCounts(70, 0)));
        }

        @Test
        void notRaisedWhileTheRateStaysAboveTheThreshold() {
            for (int round = 0; round < 20; round++) {
                start(5);
                verify(2);
            }

            assertThat(alarms).isEmpty();
            assertThat(service.raisedConversionAlarms()).isEmpty();
        }

        @Test
        void clearedOnceWhenVerificationsBringTheRateBack() {
            start(60);
            verify(20);
            assertThat(alarms).extracting(ConversionAlarm::state).containsExactly(ConversionAlarm.State.RAISED);

            verify(1);

            assertThat(alarms).extracting(ConversionAlarm::state)
                    .containsExactly(ConversionAlarm.State.RAISED, ConversionAlarm.State.CLEARED);
            assertThat(alarms.get(1).counts()).isEqualTo(new ConversionCounts(60, 21));
            assertThat(service.raisedConversionAlarms()).isEmpty();
        }

        @Test
        void startsOlderThanTheWindowNoLongerCount() {
            start(49);
            clock.advance(Duration.ofMinutes(61));

            start(1);

            assertThat(alarms).isEmpty();
        }
    }

    @Test
    void theDefaultInMemoryAbuseControlsHaveEveryControlOn() {
        AbuseControls defaults = InMemoryStores.defaultAbuseControls();
        Verifications service = Verifications.builder().gateway(gateway).flows(store).abuseControls(defaults)
                .brand(new Brand("Acme")).clock(clock).build();
        VerificationFlow flow = start(service, startFor(NUMBER, CLIENT));

        assertThat(defaults.policy()).isEqualTo(AbuseControlPolicy.defaults());

        assertNextRefused(service, flow, Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        assertStartRefused(service, startFor(NUMBER, CLIENT), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
    }

    @Test
    void aRefusalNamesNeitherTheNumberNorTheClient() {
        Verifications service = serviceWith(AbuseControlPolicy.defaults());
        start(service, startFor(NUMBER, CLIENT));

        Refusal refused = refusal(service.start(startFor(NUMBER, CLIENT)));

        assertThat(refused).isEqualTo(new Refusal.RateLimited(Limit.RESEND_COOLDOWN,
                clock.instant().plusSeconds(30), Duration.ofSeconds(30)));
        assertThat(as(refused, Refusal.RateLimited.class).retryAfterSeconds()).isEqualTo(30);
        assertThat(refused.toString())
                .doesNotContain(NUMBER.digits().substring(2))
                .doesNotContain(CLIENT.value());
    }

    @Test
    void withTheControlsOffNothingIsCountedAndNothingRefused() {
        Verifications service = Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock).build();
        for (int i = 0; i < 5; i++) {
            VerificationFlow flow = start(service, startFor(NUMBER, CLIENT));
            advanced(service.next(flow.id()));
            gateway.onCheck(new CheckOutcome.TooManyAttempts());
            assertThat(service.check(checkOf(flow))).isInstanceOf(CheckResult.Failed.class);
        }

        assertThat(start(service, startFor(NUMBER, CLIENT)).state()).isEqualTo(FlowState.PENDING);
        assertThat(service.raisedConversionAlarms()).isEmpty();
    }
}
