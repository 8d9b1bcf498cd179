package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.empty;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.InvalidInputException;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the v2 gateway offers and works out that Vonage does not say: the channel after "next step", when a request
 * ends given its one {@code channel_timeout}, and why a cancel was refused.
 */
class VonageV2TrackingTest {
    private static final EmailAddress EMAIL = EmailAddress.parse("alice@example.com");

    private final FakeClock clock = new FakeClock();
    private StubVerify2Server server;

    @BeforeEach
    void startServer() {
        server = StubVerify2Server.start()
                .answer(Operation.START, json(202, V2Fixture.STARTED))
                .answer(Operation.NEXT_WORKFLOW, empty(200));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private VonageV2VerificationGateway gateway() {
        return V2Fixture.gateway(server, b -> b.clock(clock));
    }

    private static StartRequest start(Workflow workflow) {
        return new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 6, workflow, Optional.of(EMAIL), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static Workflow smsVoiceEmail(Duration... timeouts) {
        List<Channel> channels = List.of(Channel.SMS, Channel.VOICE, Channel.EMAIL);
        return new Workflow(java.util.stream.IntStream.range(0, 3).mapToObj(i -> i < timeouts.length
                ? WorkflowStep.on(channels.get(i)).lasting(timeouts[i]) : WorkflowStep.on(channels.get(i))).toList());
    }

    @Test
    void capabilitiesAreThoseOfVerifyV2WithoutWhatsAppWhenNoSenderIsSet() {
        GatewayCapabilities capabilities = gateway().capabilities();

        assertThat(capabilities.channels()).containsExactlyInAnyOrder(Channel.SMS, Channel.VOICE, Channel.EMAIL);
        assertThat(capabilities.codeLengths()).containsExactlyInAnyOrder(4, 5, 6, 7, 8, 9, 10);
        assertThat(capabilities.defaultWorkflow()).isEqualTo(Workflow.of(Channel.SMS, Channel.VOICE));
        assertThat(capabilities.customWorkflows()).isTrue();
        assertThat(capabilities.stepTimeouts()).contains(new GatewayCapabilities.StepTimeoutRange(
                Duration.ofSeconds(15), Duration.ofSeconds(900)));
        assertThat(capabilities.customCode()).isTrue();
        assertThat(capabilities.clientReference()).isTrue();
        assertThat(capabilities.statusLookup()).isFalse();
        assertThat(capabilities.pushesStatus()).isTrue();
        assertThat(capabilities.cancel()).isEqualTo(CancelConstraints.anyTime());
        assertThat(capabilities.nextStep()).isTrue();
    }

    @Test
    void whatsAppIsOfferedOnceASenderIsConfigured() {
        assertThat(V2Fixture.gateway(server, b -> b.whatsappFrom("447700400080")).capabilities().channels())
                .contains(Channel.WHATSAPP);
    }

    @Test
    void requestWithoutStepTimeoutsEndsAfterVonagesDefaultPerStep() {
        Instant t0 = clock.instant();

        StartOutcome.Started started = (StartOutcome.Started) gateway().start(V2Fixture.smsThenVoice());

        assertThat(started.requestId()).isEqualTo(V2Fixture.REQUEST);
        assertThat(started.channel()).isEqualTo(Channel.SMS);
        assertThat(started.requestEndsAt()).isEqualTo(t0.plusSeconds(180 + 180));
    }

    @Test
    void theFirstStepTimeoutNamedIsTheRequestsOneChannelTimeout() {
        Instant t0 = clock.instant();

        StartOutcome.Started started = (StartOutcome.Started) gateway().start(
                start(smsVoiceEmail(Duration.ofSeconds(60), Duration.ofSeconds(120))));

        assertThat(started.requestEndsAt()).isEqualTo(t0.plusSeconds(3 * 60));
    }

    @Test
    void nextStepMovesThroughTheRequestsOwnWorkflowAndResetsTheEnd() {
        VonageV2VerificationGateway gateway = gateway();
        Instant t0 = clock.instant();
        gateway.start(start(smsVoiceEmail(Duration.ofSeconds(60))));

        clock.advance(Duration.ofSeconds(10));
        AdvanceOutcome first = gateway.advance(V2Fixture.REQUEST);
        clock.advance(Duration.ofSeconds(10));
        AdvanceOutcome second = gateway.advance(V2Fixture.REQUEST);

        assertThat(first).isEqualTo(new AdvanceOutcome.Advanced(Channel.VOICE, t0.plusSeconds(10 + 2 * 60)));
        assertThat(second).isEqualTo(new AdvanceOutcome.Advanced(Channel.EMAIL, t0.plusSeconds(20 + 60)));
    }

    @Test
    void nextStepCountsTheStepsVonageTookByItselfAsTimePassed() {
        VonageV2VerificationGateway gateway = gateway();
        Instant t0 = clock.instant();
        gateway.start(start(smsVoiceEmail(Duration.ofSeconds(60))));
        clock.advance(Duration.ofSeconds(70)); // the SMS step timed out at 60 s: Vonage called

        AdvanceOutcome advanced = gateway.advance(V2Fixture.REQUEST);

        assertThat(advanced).isEqualTo(new AdvanceOutcome.Advanced(Channel.EMAIL, t0.plusSeconds(70 + 60)));
    }

    @Test
    void refusedCancelWithinThirtySecondsIsTooEarlyAndLaterIsTooLate() {
        VonageV2VerificationGateway gateway = gateway();
        gateway.start(V2Fixture.smsThenVoice());
        server.answer(Operation.CANCEL, problem(409, "Conflict", ""));

        clock.advance(Duration.ofSeconds(10));
        CancelOutcome early = gateway.cancel(V2Fixture.REQUEST);
        clock.advance(Duration.ofSeconds(200));
        CancelOutcome late = gateway.cancel(V2Fixture.REQUEST);

        assertThat(early).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY));
        assertThat(late).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_LATE));
    }

    @Test
    void clientReferenceVonageWouldRefuseIsRefusedBeforeAnythingIsSent() {
        StartRequest request = new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 6, Workflow.of(Channel.SMS),
                Optional.empty(), Optional.of(new ClientReference("my-personal-ref")), Optional.empty(),
                Optional.empty());

        assertThatThrownBy(() -> gateway().start(request)).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.field()).isEqualTo(InvalidInputException.Field.CLIENT_REFERENCE));
        assertThat(server.requests()).isEmpty();
    }
}
