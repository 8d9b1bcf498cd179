package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the adapter works out that Vonage does not say: the channel after "next step", when a request ends, why a
 * cancel was refused; and what it sends on the wire.
 */
class VonageDeliveryTrackingTest {
    private static final String ID = "abcdef0123456789abcdef0123456789";
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+44 7700-900000");

    private final FakeClock clock = new FakeClock();
    private StubVerifyServer server;

    @BeforeEach
    void startServer() {
        server = StubVerifyServer.start()
                .answer(StubVerifyServer.VERIFY, "{\"request_id\":\"" + ID + "\",\"status\":\"0\"}")
                .answer(StubVerifyServer.CONTROL, "{\"status\":\"0\",\"command\":\"trigger_next_event\"}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private VonageVerificationGateway gateway(UnaryOperator<VonageConfig.Builder> settings) {
        return new VonageVerificationGateway(settings.apply(VonageConfig.builder()
                .apiKey("KEY").apiSecret("tracking-secret")
                .baseUri(server.baseUri()).timeout(Duration.ofSeconds(5)).clock(clock)).build());
    }

    private StartOutcome.Started start(VonageVerificationGateway gateway) {
        return (StartOutcome.Started) gateway.start(
                StartRequest.of(NUMBER, new Brand("Acme Inc"), 6, gateway.capabilities().defaultWorkflow()));
    }

    @Test
    void workflowOneStartsBySmsAndEndsAfterSixHundredAndFiveSeconds() {
        Instant t0 = clock.instant();

        StartOutcome.Started started = start(gateway(b -> b));

        assertThat(started.channel()).isEqualTo(Channel.SMS);
        assertThat(started.requestEndsAt()).isEqualTo(t0.plusSeconds(125 + 180 + 300));
    }

    @Test
    void advanceMovesThroughTheWorkflowsStepsAndResetsTheEnd() {
        VonageVerificationGateway gateway = gateway(b -> b.workflowId(2)); // SMS, SMS, voice
        Instant t0 = clock.instant();
        start(gateway);

        clock.advance(Duration.ofSeconds(10));
        AdvanceOutcome first = gateway.advance(new RequestId(ID));
        clock.advance(Duration.ofSeconds(10));
        AdvanceOutcome second = gateway.advance(new RequestId(ID));

        assertThat(first).isEqualTo(new AdvanceOutcome.Advanced(Channel.SMS, t0.plusSeconds(10 + 180 + 300)));
        assertThat(second).isEqualTo(new AdvanceOutcome.Advanced(Channel.VOICE, t0.plusSeconds(20 + 300)));
    }

    @Test
    void advanceCountsTheStepsVonageTookByItselfAsTimePassed() {
        VonageVerificationGateway gateway = gateway(b -> b);
        Instant t0 = clock.instant();
        start(gateway);
        clock.advance(Duration.ofSeconds(130)); // Vonage called at 125 s on its own

        AdvanceOutcome advanced = gateway.advance(new RequestId(ID));

        assertThat(advanced).isEqualTo(new AdvanceOutcome.Advanced(Channel.VOICE, t0.plusSeconds(130 + 300)));
    }

    @Test
    void customTimingsSetTheWaitsBetweenEventsAndTheEndFollowsTheTable() {
        Instant t0 = clock.instant();

        StartOutcome.Started started = start(gateway(
                b -> b.pinExpiry(Duration.ofSeconds(240)).nextEventWait(Duration.ofSeconds(120))));

        // next_event_wait replaces the waits between events; the last wait is the table's (facts 1.6, V1Timings).
        assertThat(started.requestEndsAt()).isEqualTo(t0.plusSeconds(120 + 120 + 300));
    }

    @Test
    void singleStepWorkflowEndsWithItsPin() {
        Instant t0 = clock.instant();

        StartOutcome.Started started = start(gateway(b -> b.workflowId(7).pinExpiry(Duration.ofSeconds(600))));

        assertThat(started.channel()).isEqualTo(Channel.VOICE);
        assertThat(started.requestEndsAt()).isEqualTo(t0.plusSeconds(600));
    }

    @Test
    void refusedCancelWithinThirtySecondsIsTooEarlyAndLaterIsTooLate() {
        VonageVerificationGateway gateway = gateway(b -> b);
        start(gateway);
        server.answer(StubVerifyServer.CONTROL, "{\"status\":\"19\",\"error_text\":\"can't be cancelled\"}");

        clock.advance(Duration.ofSeconds(10));
        CancelOutcome early = gateway.cancel(new RequestId(ID));
        clock.advance(Duration.ofSeconds(150));
        CancelOutcome late = gateway.cancel(new RequestId(ID));
        clock.advance(Duration.ofMinutes(20));
        CancelOutcome afterTheEnd = gateway.cancel(new RequestId(ID));

        assertThat(early).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_EARLY));
        assertThat(late).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.TOO_LATE));
        assertThat(afterTheEnd).isEqualTo(new CancelOutcome.NotPermitted(CancelOutcome.Reason.UNSPECIFIED));
    }

    @Test
    void startSendsE164DigitsAndEverySetting() {
        VonageVerificationGateway gateway = gateway(b -> b.senderId("ACME").workflowId(4)
                .locale(Locale.forLanguageTag("en-GB"))
                .pinExpiry(Duration.ofSeconds(240)).nextEventWait(Duration.ofSeconds(120)));
        gateway.start(StartRequest.of(NUMBER, new Brand("Acme Inc"), 6, gateway.capabilities().defaultWorkflow()));

        assertThat(server.lastRequestBody()).startsWith(StubVerifyServer.VERIFY + "?")
                .contains("number=447700900000", "brand=Acme+Inc", "code_length=6", "workflow_id=4",
                        "sender_id=ACME", "lg=en-gb", "pin_expiry=240", "next_event_wait=120", "api_key=KEY")
                .doesNotContain("%2B44");
    }

    @Test
    void checkSendsTheRequestIdAndTheCode() {
        server.answer(StubVerifyServer.CHECK, "{\"request_id\":\"" + ID + "\",\"status\":\"16\"}");

        gateway(b -> b).check(new RequestId(ID), VerificationCode.parse("123456"));

        assertThat(server.lastRequestBody()).startsWith(StubVerifyServer.CHECK + "?")
                .contains("request_id=" + ID, "code=123456");
    }

    @Test
    void codeOfALengthVonageNeverSendsIsWrongWithoutAsking() {
        CheckOutcome outcome = gateway(b -> b).check(new RequestId(ID), VerificationCode.parse("12345678"));

        assertThat(outcome).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(server.requestBodies()).isEmpty();
    }
}
