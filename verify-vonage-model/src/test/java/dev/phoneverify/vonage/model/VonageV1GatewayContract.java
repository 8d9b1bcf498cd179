package dev.phoneverify.vonage.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.RequestStatus;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.port.VerificationGatewayContract;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a gateway speaking Vonage Verify v1 does beyond the provider-neutral contract: the capabilities of v1, and
 * the workflow timings of facts 1.4 exactly as {@link V1Timings} states them, so the fake and the Vonage adapter
 * agree with each other and with the facts. Adapters extend it and build a gateway for any v1 timings.
 */
public abstract class VonageV1GatewayContract extends VerificationGatewayContract {

    /** A fresh gateway whose requests follow {@code timings}. */
    protected abstract VerificationGateway createGateway(V1Timings timings);

    @Override
    protected final VerificationGateway createGateway() {
        return createGateway(V1Timings.defaults());
    }

    /** The port's channel for a v1 event. */
    protected static Channel channelOf(V1Event event) {
        return switch (event) {
            case SMS -> Channel.SMS;
            case TTS -> Channel.VOICE;
        };
    }

    @Test
    void capabilitiesAreThoseOfVerifyV1() {
        GatewayCapabilities capabilities = gateway().capabilities();

        assertThat(capabilities.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.VOICE);
        assertThat(capabilities.codeLengths()).containsExactlyInAnyOrder(4, 6);
        assertThat(capabilities.defaultWorkflow()).isEqualTo(Workflow.of(Channel.SMS, Channel.VOICE, Channel.VOICE));
        assertThat(capabilities.customWorkflows()).isFalse();
        assertThat(capabilities.stepTimeouts()).isEmpty();
        assertThat(capabilities.statusLookup()).isTrue();
        assertThat(capabilities.pushesStatus()).isFalse();
        assertThat(capabilities.cancel()).isEqualTo(new CancelConstraints(true, Duration.ofSeconds(30), true));
        assertThat(capabilities.nextStep()).isTrue();
    }

    @ParameterizedTest(name = "workflow {0}, pin_expiry {1}")
    @CsvSource({"1, 0", "2, 0", "3, 0", "4, 0", "5, 0", "6, 0", "7, 0",
            "1, 600", "2, 600", "3, 600", "4, 600", "5, 600", "6, 600", "7, 600"})
    void eventsAndRequestEndFollowTheTimingsTable(int workflowId, int pinExpirySeconds) {
        V1Timings timings = V1Timings.of(V1Workflow.byId(workflowId));
        if (pinExpirySeconds > 0) {
            timings = timings.withPinExpiry(Duration.ofSeconds(pinExpirySeconds));
        }
        VerificationGateway gateway = createGateway(timings);
        PhoneNumber number = freshNumber();
        Instant startedAt = now();
        Workflow workflow = Workflow.of(timings.workflow().events().stream().map(VonageV1GatewayContract::channelOf)
                .toArray(Channel[]::new));

        StartOutcome.Started started = (StartOutcome.Started) gateway.start(StartRequest.of(number, BRAND, 4, workflow));

        assertThat(started.channel()).isEqualTo(channelOf(timings.workflow().events().get(0)));
        assertThat(started.requestEndsAt()).isEqualTo(startedAt.plus(timings.remainingFrom(0)));
        advanceTime(timings.remainingFrom(0).minusSeconds(1));
        assertThat(gateway.status(started.requestId())).isEqualTo(RequestStatus.IN_PROGRESS);
        advanceTime(Duration.ofSeconds(2));
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @ParameterizedTest(name = "workflow {0}")
    @CsvSource({"1", "2", "3", "4", "5"})
    void nextStepGoesThroughTheWorkflowsEventsAndMovesTheEnd(int workflowId) {
        V1Timings timings = V1Timings.of(V1Workflow.byId(workflowId));
        VerificationGateway gateway = createGateway(timings);
        Workflow workflow = Workflow.of(timings.workflow().events().stream().map(VonageV1GatewayContract::channelOf)
                .toArray(Channel[]::new));
        StartOutcome.Started started = (StartOutcome.Started) gateway.start(
                StartRequest.of(freshNumber(), BRAND, 4, workflow));

        for (int event = 1; event < timings.workflow().eventCount(); event++) {
            advanceTime(Duration.ofSeconds(10));
            Instant advancedAt = now();
            AdvanceOutcome.Advanced advanced = (AdvanceOutcome.Advanced) gateway.advance(started.requestId());

            assertThat(advanced.channel()).isEqualTo(channelOf(timings.workflow().events().get(event)));
            assertThat(advanced.requestEndsAt()).isEqualTo(advancedAt.plus(timings.remainingFrom(event)));
        }
        assertThat(gateway.advance(started.requestId())).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
    }

    @Test
    void fourAndSixDigitCodesAreTheOnlyLengths() {
        assertThat(Set.copyOf(gateway().capabilities().codeLengths())).isEqualTo(Set.of(4, 6));
    }
}
