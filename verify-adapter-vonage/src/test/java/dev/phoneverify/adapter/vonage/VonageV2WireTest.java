package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.empty;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
import dev.phoneverify.adapter.vonage.StubVerify2Server.Recorded;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.port.VerificationGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the v2 gateway puts on the wire: paths, methods, auth headers and bodies (facts 3.6.3, 3.6.4, 2.9). */
class VonageV2WireTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each call the gateway makes, with where it must go. */
    enum Call {
        START("POST", "/v2/verify", g -> g.start(V2Fixture.smsThenVoice())),
        CHECK("POST", "/v2/verify/" + V2Fixture.ID, g -> g.check(V2Fixture.REQUEST, VerificationCode.parse("123456"))),
        CANCEL("DELETE", "/v2/verify/" + V2Fixture.ID, g -> g.cancel(V2Fixture.REQUEST)),
        NEXT_STEP("POST", "/v2/verify/" + V2Fixture.ID + "/next_workflow", g -> g.advance(V2Fixture.REQUEST));

        final String method;
        final String path;
        final Consumer<VerificationGateway> send;

        Call(String method, String path, Consumer<VerificationGateway> send) {
            this.method = method;
            this.path = path;
            this.send = send;
        }
    }

    private StubVerify2Server server;

    @BeforeEach
    void startServer() {
        server = StubVerify2Server.start()
                .answer(Operation.START, json(202, V2Fixture.STARTED))
                .answer(Operation.CHECK, json(200, V2Fixture.COMPLETED))
                .answer(Operation.CANCEL, empty(204))
                .answer(Operation.NEXT_WORKFLOW, empty(200));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void nextStepGoesToNextWorkflowWithAnUnderscoreAndTheSdksBasicAuth() {
        V2Fixture.gateway(server).advance(V2Fixture.REQUEST);

        Recorded sent = server.lastRequest();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v2/verify/" + V2Fixture.ID + "/next_workflow").doesNotContain("next-workflow");
        assertThat(sent.header("Authorization")).isEqualTo(V2Fixture.BASIC);
        assertThat(sent.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void everyCallGoesToItsPathWithBasicAuthFromKeyAndSecret(Call call) {
        call.send.accept(V2Fixture.gateway(server));

        Recorded sent = server.lastRequest();
        assertThat(sent.method() + " " + sent.path()).isEqualTo(call.method + " " + call.path);
        assertThat(sent.header("Authorization")).isEqualTo(V2Fixture.BASIC);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void withAnApplicationEveryCallCarriesAJwtSignedByItsKey(Call call) {
        call.send.accept(V2Fixture.gateway(server, b -> b.application(TestApplication.application())));

        Recorded sent = server.lastRequest();
        assertThat(sent.path()).isEqualTo(call.path);
        String authorization = sent.header("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        String jwt = authorization.substring("Bearer ".length());
        assertThat(read(TestApplication.jwtPart(jwt, 0)).get("alg").asText()).isEqualTo("RS256");
        assertThat(read(TestApplication.jwtPart(jwt, 1)).get("application_id").asText())
                .isEqualTo(TestApplication.ID.toString());
        assertThat(TestApplication.signedByUs(jwt)).isTrue();
    }

    @Test
    void startSendsTheWorkflowBrandCodeLengthAndOptions() {
        StartRequest request = new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 8,
                new Workflow(List.of(WorkflowStep.on(Channel.WHATSAPP).lasting(Duration.ofSeconds(60)),
                        WorkflowStep.on(Channel.SMS), WorkflowStep.on(Channel.EMAIL))),
                Optional.of(EmailAddress.parse("alice@example.com")), Optional.of(new ClientReference("order42")),
                Optional.empty(), Optional.of(Locale.forLanguageTag("en-GB")));

        V2Fixture.gateway(server, b -> b.whatsappFrom("447700400080").emailFrom("verify@acme.example"))
                .start(request);

        JsonNode body = read(server.lastRequest().body());
        assertThat(body.get("brand").asText()).isEqualTo("Acme");
        assertThat(body.get("code_length").asInt()).isEqualTo(8);
        assertThat(body.get("channel_timeout").asInt()).isEqualTo(60);
        assertThat(body.get("client_ref").asText()).isEqualTo("order42");
        assertThat(body.get("locale").asText()).isEqualTo("en-gb");
        assertThat(body.has("code")).isFalse();
        assertThat(body.get("workflow")).hasSize(3);
        assertThat(body.get("workflow").get(0).toString())
                .isEqualTo("{\"channel\":\"whatsapp\",\"to\":\"447700900000\",\"from\":\"447700400080\"}");
        assertThat(body.get("workflow").get(1).toString()).isEqualTo("{\"channel\":\"sms\",\"to\":\"447700900000\"}");
        assertThat(body.get("workflow").get(2).toString())
                .isEqualTo("{\"channel\":\"email\",\"to\":\"alice@example.com\",\"from\":\"verify@acme.example\"}");
    }

    @Test
    void startWithoutStepTimeoutsLeavesVonagesDefault() {
        V2Fixture.gateway(server).start(V2Fixture.smsThenVoice());

        JsonNode body = read(server.lastRequest().body());
        assertThat(body.has("channel_timeout")).isFalse();
        assertThat(body.get("workflow").get(1).toString()).isEqualTo("{\"channel\":\"voice\",\"to\":\"447700900000\"}");
    }

    @Test
    void customCodeIsSentAndSetsTheLength() {
        StartRequest request = new StartRequest(V2Fixture.NUMBER, V2Fixture.BRAND, 4, Workflow.of(Channel.SMS),
                Optional.empty(), Optional.empty(), Optional.of(VerificationCode.parse("12345678")), Optional.empty());

        V2Fixture.gateway(server).start(request);

        JsonNode body = read(server.lastRequest().body());
        assertThat(body.get("code").asText()).isEqualTo("12345678");
        assertThat(body.has("code_length")).isFalse();
    }

    @Test
    void checkSendsTheCodeAsJson() {
        V2Fixture.gateway(server).check(V2Fixture.REQUEST, VerificationCode.parse("123456"));

        assertThat(read(server.lastRequest().body()).toString()).isEqualTo("{\"code\":\"123456\"}");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
