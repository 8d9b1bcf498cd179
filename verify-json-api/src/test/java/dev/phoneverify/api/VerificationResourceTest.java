package dev.phoneverify.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource as a caller reads it: its members in order, the current channel and the steps still to come. */
class VerificationResourceTest {
    private static final Instant NOW = Instant.parse("2031-05-04T10:15:30Z");
    private static final VerificationResource SMS_THEN_VOICE = new VerificationResource(Workflow.parse("sms,voice"));

    private static VerificationFlow pendingOn(Channel channel) {
        return VerificationFlow.started(new FlowId("0123456789abcdef0123456789abcdef"),
                PhoneNumber.parse("+447700900123"), new RequestId("req-1"), channel, NOW, NOW.plusSeconds(600),
                VerificationPolicy.defaults());
    }

    @Test
    void aPendingFlowShowsItsChannelAndTheStepsStillToCome() {
        Map<String, Object> view = SMS_THEN_VOICE.of(pendingOn(Channel.SMS));

        assertThat(view).containsExactly(
                Map.entry("id", "0123456789abcdef0123456789abcdef"),
                Map.entry("state", "PENDING"),
                Map.entry("channel", "SMS"),
                Map.entry("attemptsRemaining", 3),
                Map.entry("expiresAt", "2031-05-04T10:25:30Z"),
                Map.entry("remainingSteps", List.of("VOICE")));
    }

    @Test
    void onTheLastStepNoStepRemains() {
        assertThat(SMS_THEN_VOICE.of(pendingOn(Channel.VOICE))).containsEntry("remainingSteps", List.of());
    }

    @Test
    void anEndedFlowHasItsEndReasonAndNoStepLeft() {
        VerificationFlow cancelled = pendingOn(Channel.SMS).ended(EndReason.CANCELLED_ON_REQUEST, NOW.plusSeconds(40));

        Map<String, Object> view = SMS_THEN_VOICE.of(cancelled);

        assertThat(view).containsEntry("state", "CANCELLED").containsEntry("endReason", "CANCELLED_ON_REQUEST")
                .containsEntry("remainingSteps", List.of());
    }

    @Test
    void theJsonIsWrittenInThatOrder() {
        assertThat(ApiJson.write(SMS_THEN_VOICE.of(pendingOn(Channel.SMS)))).isEqualTo(
                "{\"id\":\"0123456789abcdef0123456789abcdef\",\"state\":\"PENDING\",\"channel\":\"SMS\","
                        + "\"attemptsRemaining\":3,\"expiresAt\":\"2031-05-04T10:25:30Z\",\"remainingSteps\":[\"VOICE\"]}");
    }
}
