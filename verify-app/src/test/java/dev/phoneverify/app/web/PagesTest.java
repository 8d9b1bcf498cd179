package dev.phoneverify.app.web;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the form pages show for a workflow: the email field, the next-step button, why a flow ended. */
class PagesTest {
    private static final Instant NOW = Instant.parse("2031-05-04T10:00:00Z");

    private static VerificationFlow flowOn(Channel channel) {
        return VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900123"),
                new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315"), channel, NOW, NOW.plusSeconds(360),
                VerificationPolicy.defaults());
    }

    @Test
    void theFormAsksForAnEmailAddressOnlyWhenAStepIsByEmail() {
        assertThat(new Pages(false, Workflow.parse("sms,email")).start("t", Optional.empty(), ""))
                .contains("id=\"email\"").contains("type=\"email\"");
        assertThat(new Pages(false, Workflow.parse("sms,voice")).start("t", Optional.empty(), ""))
                .doesNotContain("id=\"email\"");
    }

    @Test
    void theNextStepButtonIsNamedByTheNextChannel() {
        Pages pages = new Pages(false, Workflow.parse("whatsapp,sms,voice"));

        assertThat(pages.code(flowOn(Channel.WHATSAPP), "t", Optional.empty())).contains(">Send it by SMS</button>");
        assertThat(pages.code(flowOn(Channel.SMS), "t", Optional.empty())).contains(">Call me instead</button>");
        assertThat(new Pages(false, Workflow.parse("sms,whatsapp")).code(flowOn(Channel.SMS), "t", Optional.empty()))
                .contains(">Send it by WhatsApp</button>");
        assertThat(new Pages(false, Workflow.parse("sms,email")).code(flowOn(Channel.SMS), "t", Optional.empty()))
                .contains(">Email me the code</button>");
    }

    @Test
    void theLastStepOffersNoNextStep() {
        Pages pages = new Pages(false, Workflow.parse("whatsapp,sms"));

        assertThat(pages.code(flowOn(Channel.SMS), "t", Optional.empty())).doesNotContain("id=\"next\"");
    }

    @Test
    void aFlowMovedToACallByTheProviderSaysSo() {
        Pages pages = new Pages(false, Workflow.parse("sms,voice"));

        assertThat(pages.code(flowOn(Channel.VOICE), "t", Optional.empty()))
                .contains("We are calling you now at <strong>+44******0123</strong>");
    }

    @Test
    void theResultPageSaysWhyTheFlowEnded() {
        Pages pages = new Pages(false, Workflow.parse("sms,voice"));

        assertThat(pages.result(flowOn(Channel.SMS).ended(EndReason.EXPIRED_AT_PROVIDER, NOW)))
                .contains("has expired");
        assertThat(pages.result(flowOn(Channel.SMS).ended(EndReason.BLOCKED_BY_PROVIDER, NOW)))
                .contains("the provider blocked it");
        assertThat(pages.result(flowOn(Channel.SMS).ended(EndReason.FAILED_AT_PROVIDER, NOW)))
                .contains("could not deliver or confirm the code");
    }
}
