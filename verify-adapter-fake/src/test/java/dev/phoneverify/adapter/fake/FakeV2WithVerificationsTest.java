package dev.phoneverify.adapter.fake;

import static dev.phoneverify.adapter.fake.WhatTheUserSees.lastCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The v2 fake wired to the core as an app wires Vonage v2: its pushed status goes to {@code Verifications::apply},
 * so step changes and expiry reach the flow without the app asking (facts §2.6, §2.8).
 */
class FakeV2WithVerificationsTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900555");

    private final FakeClock providerClock = new FakeClock();
    // The app's clock runs a second behind the provider's, as two machines' clocks do; so the flow has not yet
    // reached its own end when the provider's pushed end arrives, and the test sees which of the two ended it.
    private final Clock appClock = Clock.offset(providerClock, Duration.ofSeconds(-1));
    private final FakeVerificationGateway fake = FakeVerificationGateway.v2(providerClock);
    private final Verifications verifications = Verifications.builder().gateway(fake)
            .flows(InMemoryStores.flows(appClock)).abuseControls(AbuseControls.off()).brand(new Brand("Acme"))
            .clock(appClock).build();
    private final List<VerificationEvent.Kind> events = new ArrayList<>();

    {
        fake.pushStatusTo(verifications::apply);
        verifications.addListener(event -> events.add(event.kind()));
    }

    private VerificationFlow start() {
        StartResult result = verifications.start(StartCommand.to(NUMBER));
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).flow();
    }

    private VerificationFlow current(VerificationFlow flow) {
        return verifications.find(flow.id()).orElseThrow();
    }

    @Test
    @DisplayName("facts §2.6 Step timing: when the SMS step times out, the flow moves to the voice step by itself")
    void stepChangeArrivesThroughPushedStatus() {
        VerificationFlow flow = start();

        providerClock.advance(Duration.ofSeconds(180));

        assertThat(flow.channel()).isEqualTo(Channel.SMS);
        assertThat(events).containsExactly(VerificationEvent.Kind.STARTED, VerificationEvent.Kind.ADVANCED);
        assertThat(current(flow).channel()).isEqualTo(Channel.VOICE);
        assertThat(current(flow).state()).isEqualTo(FlowState.PENDING);
    }

    @Test
    @DisplayName("facts §2.6 End of the workflow: the provider's expiry ends the flow, reported by the provider")
    void expiryArrivesThroughPushedStatus() {
        VerificationFlow flow = start();

        providerClock.advance(Duration.ofSeconds(360));

        assertThat(events).containsExactly(VerificationEvent.Kind.STARTED, VerificationEvent.Kind.ADVANCED,
                VerificationEvent.Kind.EXPIRED);
        assertThat(current(flow).state()).isEqualTo(FlowState.EXPIRED);
        assertThat(current(flow).endReason()).contains(EndReason.EXPIRED_AT_PROVIDER);
    }

    @Test
    @DisplayName("facts §2.8: the pushed completion after a right code changes nothing; the flow stays verified once")
    void pushedCompletionAfterACheckChangesNothing() {
        VerificationFlow flow = start();
        VerificationCode code = lastCode(fake, NUMBER);

        CheckResult result = verifications.check(new CheckCommand(flow.id(), code));
        providerClock.advance(Duration.ofSeconds(1));

        assertThat(result).isInstanceOf(CheckResult.Verified.class);
        assertThat(events).containsExactly(VerificationEvent.Kind.STARTED, VerificationEvent.Kind.CODE_ACCEPTED,
                VerificationEvent.Kind.VERIFIED);
        assertThat(current(flow).endReason()).contains(EndReason.CODE_VERIFIED);
    }

    @Test
    @DisplayName("facts §2.6 New code per step: after the pushed step change, the code of the new step verifies")
    void theNewStepsCodeVerifiesTheFlow() {
        VerificationFlow flow = start();
        providerClock.advance(Duration.ofSeconds(180));
        VerificationCode voiceCode = lastCode(fake, NUMBER);

        CheckResult result = verifications.check(new CheckCommand(flow.id(), voiceCode));

        assertThat(result).isInstanceOf(CheckResult.Verified.class);
        assertThat(fake.outboxFor(NUMBER)).extracting(DeliveredMessage::channel)
                .containsExactly(Channel.SMS, Channel.VOICE);
    }
}
