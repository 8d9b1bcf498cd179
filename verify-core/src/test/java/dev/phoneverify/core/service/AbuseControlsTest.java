package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.ConversionCounts;
import dev.phoneverify.core.service.RateLimitedException.Limit;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.ScriptedGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

    private VerificationService serviceWith(AbuseControlPolicy policy) {
        return serviceWith(policy, VerificationPolicy.defaults());
    }

    private VerificationService serviceWith(AbuseControlPolicy policy, VerificationPolicy flowPolicy) {
        VerificationService service = new VerificationService(gateway, store, flowPolicy,
                new Brand("Acme"), clock, AbuseControls.inMemory(policy));
        service.addAlarmListener(alarms::add);
        return service;
    }

    private static AbuseControlPolicy only(SendLimitPolicy limits) {
        return AbuseControlPolicy.none().withSendLimits(limits);
    }

    private static PhoneNumber ukNumber(int i) {
        return PhoneNumber.parse(String.format("+4477009%05d", i));
    }

    /** Refused by {@code limit}, waiting {@code retryAfter}, and the provider was not asked. */
    private void assertRefused(ThrowingCallable command, Limit limit, Duration retryAfter) {
        int callsBefore = gateway.totalCalls();
        assertThatThrownBy(command).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.limit()).isEqualTo(limit);
            assertThat(e.retryAfter()).isEqualTo(retryAfter);
        });
        assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
    }

    @Nested
    class SendLimits {
        @Test
        void theFourthStartForANumberInTenMinutesIsRefusedUntilTheWindowEnds() {
            VerificationService service = serviceWith(only(SendLimitPolicy.none().withPerNumber(SendLimitPolicy.DEFAULT_PER_NUMBER)));
            for (int i = 0; i < 3; i++) {
                service.start(NUMBER, new ClientKey("client-" + i));
                clock.advance(Duration.ofMinutes(1));
            }

            // MutableClock.START is 10:00:00, so the fixed window ends at 10:10:00.
            assertRefused(() -> service.start(NUMBER), Limit.PER_NUMBER, Duration.ofMinutes(7));
            clock.advance(Duration.ofMinutes(7));
            assertThat(service.start(NUMBER).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theEleventhStartFromOneClientIsRefusedWhateverTheNumber() {
            VerificationService service = serviceWith(only(SendLimitPolicy.none().withPerClient(SendLimitPolicy.DEFAULT_PER_CLIENT)));
            for (int i = 0; i < 10; i++) {
                service.start(ukNumber(i), CLIENT);
            }

            assertRefused(() -> service.start(ukNumber(10), CLIENT), Limit.PER_CLIENT, Duration.ofMinutes(10));
            assertThat(service.start(ukNumber(10), new ClientKey("198.51.100.1")).state()).isEqualTo(FlowState.PENDING);
            assertThat(service.start(ukNumber(11)).state())
                    .as("a caller without a client key is not counted per client").isEqualTo(FlowState.PENDING);
        }

        @Test
        void theHundredAndFirstStartForOneCallingCodeIsRefusedButOtherCountriesGoOn() {
            VerificationService service = serviceWith(only(SendLimitPolicy.none()
                    .withPerCallingCode(SendLimitPolicy.DEFAULT_PER_CALLING_CODE)));
            for (int i = 0; i < 100; i++) {
                service.start(ukNumber(i));
            }

            assertRefused(() -> service.start(ukNumber(100)), Limit.PER_CALLING_CODE, Duration.ofMinutes(10));
            assertThat(service.start(PhoneNumber.parse("+353851234567")).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void aLimitCanBeChanged() {
            VerificationService service = serviceWith(only(SendLimitPolicy.none()
                    .withPerNumber(SendLimit.of(1, Duration.ofHours(1)))));
            service.start(NUMBER);

            assertRefused(() -> service.start(NUMBER), Limit.PER_NUMBER, Duration.ofHours(1));
        }

        @Test
        void aStartRefusedByTheClientLimitDoesNotSpendTheNumbersAllowance() {
            VerificationService service = serviceWith(only(SendLimitPolicy.defaults()
                    .withPerClient(SendLimit.of(1, Duration.ofMinutes(10)))));
            service.start(ukNumber(1), CLIENT);
            for (int i = 0; i < 5; i++) {
                assertRefused(() -> service.start(NUMBER, CLIENT), Limit.PER_CLIENT, Duration.ofMinutes(10));
            }

            for (int i = 0; i < 3; i++) {
                service.start(NUMBER, new ClientKey("other-" + i));
            }
        }
    }

    @Nested
    class ResendCooldown {
        private final VerificationService service =
                serviceWith(AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN));

        @Test
        void eachResendWaitsTwiceAsLongAsTheLastUpToTenMinutes() {
            // A flow that lives an hour, so seven resends fit in it.
            VerificationService patient = serviceWith(
                    AbuseControlPolicy.none().withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN),
                    VerificationPolicy.defaults().withMaxLifetime(Duration.ofHours(1)));
            VerificationFlow flow = patient.start(NUMBER);

            Duration expectedWait = Duration.ofSeconds(30);
            for (int resend = 0; resend < 7; resend++) {
                Duration wait = expectedWait;
                assertRefused(() -> patient.next(flow.id()), Limit.RESEND_COOLDOWN, wait);
                clock.advance(wait.minusSeconds(1));
                assertRefused(() -> patient.next(flow.id()), Limit.RESEND_COOLDOWN, Duration.ofSeconds(1));
                clock.advance(Duration.ofSeconds(1));
                patient.next(flow.id());
                expectedWait = expectedWait.multipliedBy(2).compareTo(Duration.ofMinutes(10)) > 0
                        ? Duration.ofMinutes(10) : expectedWait.multipliedBy(2);
            }
            assertThat(expectedWait).isEqualTo(Duration.ofMinutes(10));
            assertRefused(() -> patient.next(flow.id()), Limit.RESEND_COOLDOWN, Duration.ofMinutes(10));
        }

        @Test
        void aNewStartAfterAnEndedFlowWaitsForTheCooldownToo() {
            VerificationFlow flow = service.start(NUMBER);
            clock.advance(Duration.ofSeconds(40));
            service.cancel(flow.id());

            clock.advance(Duration.ofSeconds(10));
            service.start(NUMBER);

            assertRefused(() -> service.start(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(60));
        }

        @Test
        void aVerifiedFlowResetsTheCooldown() {
            VerificationFlow flow = service.start(NUMBER);
            clock.advance(Duration.ofSeconds(30));
            service.next(flow.id());
            service.check(flow.id(), CODE);

            assertThat(service.start(NUMBER).state()).isEqualTo(FlowState.PENDING);
            assertRefused(() -> service.start(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        }

        @Test
        void otherNumbersAreNotHeldUp() {
            service.start(NUMBER);

            assertThat(service.start(ukNumber(1)).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theCooldownIsForgottenAfterAnHourWithoutSends() {
            VerificationFlow flow = service.start(NUMBER);
            clock.advance(Duration.ofSeconds(30));
            service.next(flow.id());

            clock.advance(Duration.ofMinutes(61));
            service.start(NUMBER);

            assertRefused(() -> service.start(NUMBER), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        }
    }

    @Nested
    class FailedCheckDelay {
        private final VerificationService service =
                serviceWith(AbuseControlPolicy.none().withFailedCheckDelay(AbuseControlPolicy.DEFAULT_FAILED_CHECK_DELAY));

        private void failAFlow() {
            VerificationFlow flow = service.start(NUMBER);
            gateway.onCheck(new CheckOutcome.TooManyAttempts());
            assertThat(service.check(flow.id(), CODE).flow().state()).isEqualTo(FlowState.FAILED);
        }

        @Test
        void afterAFailedFlowNewFlowsWaitAMinuteThenTwoThenFour() {
            failAFlow();
            assertRefused(() -> service.start(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(1));
            clock.advance(Duration.ofMinutes(1));

            failAFlow();
            assertRefused(() -> service.start(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(2));
            clock.advance(Duration.ofMinutes(2));

            failAFlow();
            assertRefused(() -> service.start(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(4));
        }

        @Test
        void theDelayIsCappedAtAnHourAndNeverBlocksForGood() {
            List<Duration> waits = new ArrayList<>();
            for (int failure = 0; failure < 8; failure++) {
                failAFlow();
                try {
                    service.start(NUMBER);
                } catch (RateLimitedException refused) {
                    waits.add(refused.retryAfter());
                    clock.advance(refused.retryAfter());
                }
            }

            assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                    Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(32), Duration.ofHours(1),
                    Duration.ofHours(1));
            assertThat(service.start(NUMBER).state()).isEqualTo(FlowState.PENDING);
        }

        @Test
        void theDelayIsForgottenAfterAQuietDay() {
            failAFlow();
            clock.advance(Duration.ofMinutes(1));
            failAFlow();
            clock.advance(Duration.ofMinutes(2).plus(Duration.ofDays(1)));

            failAFlow();

            assertRefused(() -> service.start(NUMBER), Limit.FAILED_CHECK_DELAY, Duration.ofMinutes(1));
        }
    }

    @Nested
    class ConversionAlarms {
        private final ConversionAlarmPolicy alarmPolicy = ConversionAlarmPolicy.defaults();
        private final VerificationService service = serviceWith(AbuseControlPolicy.none().withConversionAlarm(alarmPolicy));
        private final List<VerificationFlow> flows = new ArrayList<>();

        private void start(int count) {
            for (int i = 0; i < count; i++) {
                flows.add(service.start(ukNumber(flows.size())));
            }
        }

        private void verify(int count) {
            int verifiedSoFar = (int) flows.stream().filter(f -> store.find(f.id()).orElseThrow().state() == FlowState.VERIFIED).count();
            for (int i = verifiedSoFar; i < verifiedSoFar + count; i++) {
                service.check(flows.get(i).id(), CODE);
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
    void theServicesOwnConstructorHasEveryControlOn() {
        VerificationService service = new VerificationService(gateway, store, VerificationPolicy.defaults(),
                new Brand("Acme"), clock);
        VerificationFlow flow = service.start(NUMBER, CLIENT);

        assertRefused(() -> service.next(flow.id()), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
        assertRefused(() -> service.start(NUMBER, CLIENT), Limit.RESEND_COOLDOWN, Duration.ofSeconds(30));
    }

    @Test
    void aRefusalNamesNeitherTheNumberNorTheClient() {
        VerificationService service = serviceWith(AbuseControlPolicy.defaults());
        service.start(NUMBER, CLIENT);

        assertThatThrownBy(() -> service.start(NUMBER, CLIENT))
                .hasMessage("a code was sent to this number moments ago; try again in 30 seconds")
                .hasMessageNotContaining(NUMBER.digits().substring(2))
                .hasMessageNotContaining(CLIENT.value());
    }
}
