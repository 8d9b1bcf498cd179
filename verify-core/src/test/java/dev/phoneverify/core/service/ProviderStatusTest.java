package dev.phoneverify.core.service;

import static dev.phoneverify.core.support.Results.as;
import static dev.phoneverify.core.support.Results.cancelled;
import static dev.phoneverify.core.support.Results.refusal;
import static dev.phoneverify.core.support.Results.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.support.CapabilitiesBuilder;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.RecordingListener;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.ProviderUpdate.EndStatus;
import dev.phoneverify.core.usecase.ProviderUpdate.StepStatus;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.UpdateResult;
import dev.phoneverify.core.usecase.UpdateResult.Outcome;
import dev.phoneverify.core.usecase.VerificationEvent.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Status the provider pushes (Vonage v2's callbacks), applied through {@link Verifications#apply} with the in-memory
 * store and a scripted gateway that pushes status and has no lookup.
 */
class ProviderStatusTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final RequestId REQUEST = new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315");
    private static final Workflow THREE_CHANNELS = Workflow.parse("sms,whatsapp,voice");
    private static final Instant T0 = MutableClock.START;

    private final MutableClock clock = new MutableClock();
    private final ScriptedGateway gateway = new ScriptedGateway(clock, CapabilitiesBuilder.v2Like().build());
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final RecordingListener listener = new RecordingListener();
    private final Verifications service = serviceWith(AbuseControls.off());
    private VerificationFlow flow;

    private Verifications serviceWith(AbuseControls controls) {
        Verifications created = Verifications.builder().gateway(gateway).flows(store).abuseControls(controls)
                .brand(new Brand("Acme")).clock(clock).build();
        created.addListener(listener);
        return created;
    }

    /** A pending flow on request {@link #REQUEST}, sent by SMS at {@link #T0}; the events from here on. */
    @BeforeEach
    void startAFlow() {
        flow = startOn(service);
        listener.clear();
    }

    private VerificationFlow startOn(Verifications verifications) {
        gateway.onStart(new StartOutcome.Started(REQUEST, Channel.SMS, clock.instant().plusSeconds(540)));
        return started(verifications.start(StartCommand.to(NUMBER).withWorkflow(THREE_CHANNELS)));
    }

    private static ProviderUpdate step(Channel channel, StepStatus status, Instant at) {
        return new ProviderUpdate.StepUpdate(REQUEST, channel, status, at);
    }

    private ProviderUpdate ended(EndStatus status) {
        return new ProviderUpdate.RequestEnded(REQUEST, status, clock.instant());
    }

    private VerificationFlow stored() {
        return store.find(flow.id()).orElseThrow();
    }

    /** Applied, or unchanged, with the flow as the store now has it. */
    private void assertOutcome(UpdateResult result, Outcome outcome) {
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.flow()).contains(stored());
    }

    @Test
    void aStepStartedOnANewChannelMovesTheFlowToItAndEmitsAdvanced() {
        clock.advance(Duration.ofSeconds(61));

        UpdateResult result = service.apply(step(Channel.WHATSAPP, StepStatus.STARTED, T0.plusSeconds(60)));

        assertOutcome(result, Outcome.APPLIED);
        VerificationFlow moved = result.flow().orElseThrow();
        assertThat(moved.state()).isEqualTo(FlowState.PENDING);
        assertThat(moved.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(moved.stepStartedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(moved.updatedAt()).isEqualTo(T0.plusSeconds(61));
        assertThat(moved.expiresAt()).isEqualTo(flow.expiresAt());
        assertThat(moved.version()).isEqualTo(flow.version() + 1);
        assertThat(listener.kinds()).containsExactly(Kind.ADVANCED);
        assertThat(listener.events().get(0).flow()).isEqualTo(moved);
    }

    @Test
    void aDuplicateStepUpdateChangesNothing() {
        ProviderUpdate whatsApp = step(Channel.WHATSAPP, StepStatus.STARTED, T0.plusSeconds(60));
        VerificationFlow moved = service.apply(whatsApp).flow().orElseThrow();

        UpdateResult again = service.apply(whatsApp);

        assertOutcome(again, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(moved);
        assertThat(listener.kinds()).containsExactly(Kind.ADVANCED);
    }

    @Test
    void theReportOfTheStepTheFlowIsOnChangesNothing() {
        UpdateResult result = service.apply(step(Channel.SMS, StepStatus.STARTED, T0.plusMillis(300)));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(flow);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void aLateStepUpdateFromBeforeTheCurrentStepStartedChangesNothing() {
        UpdateResult result = service.apply(step(Channel.WHATSAPP, StepStatus.STARTED, T0.minusSeconds(1)));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(flow);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void anEarlierStepArrivingAfterALaterOneChangesNothing() {
        clock.advance(Duration.ofSeconds(130));
        VerificationFlow onVoice = service.apply(step(Channel.VOICE, StepStatus.STARTED, T0.plusSeconds(120)))
                .flow().orElseThrow();

        UpdateResult result = service.apply(step(Channel.WHATSAPP, StepStatus.STARTED, T0.plusSeconds(60)));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(onVoice);
        assertThat(stored().channel()).isEqualTo(Channel.VOICE);
        assertThat(listener.kinds()).containsExactly(Kind.ADVANCED);
    }

    @ParameterizedTest
    @EnumSource(value = StepStatus.class, names = "STARTED", mode = EnumSource.Mode.EXCLUDE)
    void aStepThatCompletedFailedOrExpiredMovesNothingByItself(StepStatus status) {
        clock.advance(Duration.ofSeconds(61));

        UpdateResult onCurrent = service.apply(step(Channel.SMS, status, T0.plusSeconds(60)));
        UpdateResult onAnother = service.apply(step(Channel.WHATSAPP, status, T0.plusSeconds(60)));

        assertOutcome(onCurrent, Outcome.UNCHANGED);
        assertOutcome(onAnother, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(flow);
        assertThat(listener.events()).isEmpty();
    }

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of(EndStatus.COMPLETED, FlowState.VERIFIED, EndReason.VERIFIED_AT_PROVIDER, Kind.VERIFIED),
                Arguments.of(EndStatus.FAILED, FlowState.FAILED, EndReason.FAILED_AT_PROVIDER, Kind.FAILED),
                Arguments.of(EndStatus.EXPIRED, FlowState.EXPIRED, EndReason.EXPIRED_AT_PROVIDER, Kind.EXPIRED),
                Arguments.of(EndStatus.BLOCKED, FlowState.FAILED, EndReason.BLOCKED_BY_PROVIDER, Kind.FAILED),
                Arguments.of(EndStatus.CANCELLED, FlowState.CANCELLED, EndReason.CANCELLED_AT_PROVIDER, Kind.CANCELLED));
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @MethodSource("endings")
    void eachEndStatusEndsAPendingFlowWithItsStateReasonAndEvent(EndStatus status, FlowState state, EndReason reason,
                                                                  Kind event) {
        clock.advance(Duration.ofSeconds(30));

        UpdateResult result = service.apply(ended(status));

        assertOutcome(result, Outcome.APPLIED);
        VerificationFlow ended = result.flow().orElseThrow();
        assertThat(ended.state()).isEqualTo(state);
        assertThat(ended.endReason()).contains(reason);
        assertThat(ended.updatedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(ended.version()).isEqualTo(flow.version() + 1);
        // The same event a check, cancel or expiry ending in this state emits, carrying the ended flow.
        assertThat(listener.kinds()).containsExactly(event);
        assertThat(listener.events().get(0).flow()).isEqualTo(ended);
        assertThat(listener.events().get(0).at()).isEqualTo(T0.plusSeconds(30));
    }

    @ParameterizedTest
    @EnumSource(EndStatus.class)
    void applyingTheSameEndTwiceIsTheSameAsOnce(EndStatus status) {
        ProviderUpdate update = ended(status);
        VerificationFlow once = service.apply(update).flow().orElseThrow();

        UpdateResult twice = service.apply(update);

        assertOutcome(twice, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(once);
        assertThat(listener.events()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(EndStatus.class)
    void anEndOnAFlowThatAlreadyEndedChangesNothing(EndStatus status) {
        VerificationFlow cancelledHere = cancelled(service.cancel(flow.id()));
        listener.clear();

        UpdateResult result = service.apply(ended(status));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(cancelledHere);
        assertThat(stored().endReason()).contains(EndReason.CANCELLED_ON_REQUEST);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void aStepUpdateOnAFlowThatAlreadyEndedChangesNothing() {
        VerificationFlow ended = service.apply(ended(EndStatus.COMPLETED)).flow().orElseThrow();

        UpdateResult result = service.apply(step(Channel.VOICE, StepStatus.STARTED, T0.plusSeconds(120)));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored()).isEqualTo(ended);
    }

    @Test
    void aPushedEndAfterTheFlowTimedOutLeavesItTimedOut() {
        clock.advance(Duration.ofMinutes(10));

        UpdateResult result = service.apply(ended(EndStatus.COMPLETED));

        assertOutcome(result, Outcome.UNCHANGED);
        assertThat(stored().state()).isEqualTo(FlowState.EXPIRED);
        assertThat(stored().endReason()).contains(EndReason.TIMED_OUT);
        assertThat(listener.kinds()).containsExactly(Kind.EXPIRED);
    }

    @Test
    void anUpdateForARequestNoFlowHasIsAnUnknownRequest() {
        RequestId elsewhere = new RequestId("0c9a1f2e-3b4d-4e5f-8a6b-7c8d9e0f1a2b");

        UpdateResult step = service.apply(new ProviderUpdate.StepUpdate(elsewhere, Channel.VOICE, StepStatus.STARTED,
                T0.plusSeconds(60)));
        UpdateResult end = service.apply(new ProviderUpdate.RequestEnded(elsewhere, EndStatus.COMPLETED, T0));

        assertThat(step).isEqualTo(new UpdateResult(Outcome.UNKNOWN_REQUEST, Optional.empty()));
        assertThat(end.outcome()).isEqualTo(Outcome.UNKNOWN_REQUEST);
        assertThat(end.flow()).isEmpty();
        assertThat(stored()).isEqualTo(flow);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void updatesNeverCallTheProvider() {
        int callsBefore = gateway.totalCalls();

        service.apply(step(Channel.WHATSAPP, StepStatus.STARTED, T0.plusSeconds(60)));
        service.apply(step(Channel.WHATSAPP, StepStatus.EXPIRED, T0.plusSeconds(120)));
        service.apply(ended(EndStatus.EXPIRED));

        assertThat(gateway.totalCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aCodeCheckedAfterAPushedEndIsRefusedAsFinishedWithoutAskingTheProvider() {
        service.apply(ended(EndStatus.BLOCKED));

        Refusal refused = refusal(service.check(new CheckCommand(flow.id(), VerificationCode.parse("1234"))));

        assertThat(as(refused, Refusal.FlowFinished.class).flow().endReason())
                .contains(EndReason.BLOCKED_BY_PROVIDER);
        assertThat(gateway.checkCalls()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = EndStatus.class, names = {"FAILED", "BLOCKED"})
    void aPushedFailureDelaysTheNumbersNextStartAsAFailedCheckDoes(EndStatus status) {
        Verifications guarded = serviceWith(InMemoryStores.abuseControls(AbuseControlPolicy.none()
                .withFailedCheckDelay(AbuseControlPolicy.DEFAULT_FAILED_CHECK_DELAY)));
        clock.advance(Duration.ofMinutes(1));
        flow = startOn(guarded);

        guarded.apply(ended(status));

        Refusal refused = refusal(guarded.start(StartCommand.to(NUMBER)));
        assertThat(as(refused, Refusal.RateLimited.class).limit()).isEqualTo(Refusal.Limit.FAILED_CHECK_DELAY);
    }

    @Test
    void aPushedCompletionResetsTheResendCooldownAsAVerifiedCheckDoes() {
        Verifications guarded = serviceWith(InMemoryStores.abuseControls(AbuseControlPolicy.none()
                .withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN)));
        clock.advance(Duration.ofMinutes(1));
        flow = startOn(guarded);
        assertThat(refusal(guarded.start(StartCommand.to(NUMBER)))).isInstanceOf(Refusal.RateLimited.class);

        guarded.apply(ended(EndStatus.COMPLETED));

        assertThat(started(guarded.start(StartCommand.to(NUMBER))).state()).isEqualTo(FlowState.PENDING);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void thirtyTwoCopiesOfOneEndDeliveredAtOnceApplyExactlyOnce() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            ProviderUpdate update = ended(EndStatus.COMPLETED);
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<UpdateResult>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return service.apply(update);
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<UpdateResult> future : futures) {
                outcomes.add(future.get(15, TimeUnit.SECONDS).outcome());
            }

            assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.APPLIED).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.UNCHANGED).hasSize(threads - 1);
            assertThat(stored().state()).isEqualTo(FlowState.VERIFIED);
            assertThat(stored().version()).isEqualTo(flow.version() + 1);
            assertThat(listener.kinds()).containsExactly(Kind.VERIFIED);
        } finally {
            pool.shutdownNow();
        }
    }
}
