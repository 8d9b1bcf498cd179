package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.emulator.VerifyEmulator;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a v2 404 on check means to a verification, through {@link Verifications}, the real SDK and the emulator: v2
 * has no status lookup, so the flow ends as the provider's pushed status said, or by its own clock, and otherwise
 * as unknown to the provider. It is never taken as verified on a guess.
 */
class VonageV2NotFoundInServiceTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900321");

    private FakeClock clock;
    private VerifyEmulator emulator;
    private Verifications service;

    @BeforeEach
    void startEmulatorAndService() {
        clock = new FakeClock();
        emulator = VerifyEmulator.builder(FakeVerificationGateway.builder().clock(clock).build())
                .credentials(V2Fixture.KEY, V2Fixture.SECRET).start();
        VonageV2VerificationGateway gateway = new VonageV2VerificationGateway(VonageV2Config.builder()
                .apiKey(V2Fixture.KEY).apiSecret(V2Fixture.SECRET).baseUri(emulator.baseUri())
                .timeout(Duration.ofSeconds(5)).clock(clock).build());
        service = Verifications.builder().gateway(gateway).flows(InMemoryStores.flows(clock))
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock).build();
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    private VerificationFlow started() {
        StartResult result = service.start(StartCommand.to(NUMBER));
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow();
    }

    private VerificationCode codeSent() {
        return VerificationCode.parse(emulator.v2Fake().lastCodeFor(NUMBER).orElseThrow());
    }

    /** The right code is checked, but its answer is lost on the way back: the request is over at Vonage. */
    private void checkWhoseAnswerIsLost(VerificationFlow flow, VerificationCode code) {
        emulator.v2Fake().loseNextAnswer(Operation.CHECK);
        assertThatThrownBy(() -> service.check(new CheckCommand(flow.id(), code)))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
        assertThat(service.find(flow.id()).orElseThrow().state()).isEqualTo(FlowState.PENDING);
    }

    @Test
    void aRetryThatHearsNotFoundWithNothingReportedEndsTheFlowUnknownNeverVerified() {
        VerificationFlow flow = started();
        VerificationCode code = codeSent();
        checkWhoseAnswerIsLost(flow, code);

        CheckResult retry = service.check(new CheckCommand(flow.id(), code));

        assertThat(retry).isInstanceOf(CheckResult.Expired.class);
        VerificationFlow ended = service.find(flow.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(FlowState.EXPIRED);
        assertThat(ended.endReason()).contains(EndReason.UNKNOWN_TO_PROVIDER);
    }

    @Test
    void thePushedStatusDecidesHowTheFlowEndedBeforeAnyRetry() {
        VerificationFlow flow = started();
        VerificationCode code = codeSent();
        checkWhoseAnswerIsLost(flow, code);

        // What Vonage's summary callback says, applied as the app's webhook intake applies it.
        emulator.v2Fake().statusUpdatesFor(flow.requestId()).forEach(service::apply);

        VerificationFlow ended = service.find(flow.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(FlowState.VERIFIED);
        assertThat(ended.endReason()).contains(EndReason.VERIFIED_AT_PROVIDER);
        CheckResult retry = service.check(new CheckCommand(flow.id(), code));
        assertThat(retry).isInstanceOfSatisfying(CheckResult.Refused.class,
                refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.FlowFinished.class));
    }

    @Test
    void aFlowPastItsOwnEndExpiresByItsClockWithoutAskingVonage() {
        VerificationFlow flow = started();
        VerificationCode code = codeSent();
        clock.advance(Duration.between(clock.instant(), flow.expiresAt()).plusSeconds(1));
        emulator.v2Fake().failNext(Operation.CHECK);

        CheckResult late = service.check(new CheckCommand(flow.id(), code));

        // Had Vonage been asked, the scripted failure would have answered; the flow's clock decided first.
        assertThat(late).isInstanceOfSatisfying(CheckResult.Refused.class,
                refused -> assertThat(refused.refusal()).isInstanceOf(Refusal.FlowFinished.class));
        VerificationFlow ended = service.find(flow.id()).orElseThrow();
        assertThat(ended.state()).isEqualTo(FlowState.EXPIRED);
        assertThat(ended.endReason()).isEqualTo(Optional.of(EndReason.TIMED_OUT));
    }
}
