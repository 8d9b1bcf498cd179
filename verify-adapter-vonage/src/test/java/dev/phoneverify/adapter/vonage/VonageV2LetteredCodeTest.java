package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.StartRequest;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verify v2 takes custom codes of letters and digits (facts §2.3 {@code code}); the gateway says so and sends them as typed. */
class VonageV2LetteredCodeTest {
    private StubVerify2Server server;

    @BeforeEach
    void startServer() {
        server = StubVerify2Server.start()
                .answer(Operation.START, json(202, V2Fixture.STARTED))
                .answer(Operation.CHECK, json(200, V2Fixture.COMPLETED));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aLetteredCustomCodeIsOfferedSentAndCheckedAsTyped() {
        VonageV2VerificationGateway gateway = V2Fixture.gateway(server);
        VerificationCode code = VerificationCode.parse("12aBcD", CodeAlphabet.LETTERS_AND_DIGITS);
        assertThat(gateway.capabilities().codeAlphabet()).isEqualTo(CodeAlphabet.LETTERS_AND_DIGITS);

        gateway.start(new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 4, Workflow.of(Channel.SMS),
                Optional.empty(), Optional.empty(), Optional.of(code), Optional.empty()));
        assertThat(server.lastRequest().body()).contains("\"code\":\"12aBcD\"");

        assertThat(gateway.check(V2Fixture.REQUEST, code)).isInstanceOf(CheckOutcome.Correct.class);
        assertThat(server.lastRequest().body()).isEqualTo("{\"code\":\"12aBcD\"}");
    }
}
