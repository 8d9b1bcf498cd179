package dev.phoneverify.core.service;

import static dev.phoneverify.core.support.Results.refusal;
import static dev.phoneverify.core.support.Results.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.AbuseControlPolicy;
import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.CodeAlphabet;
import dev.phoneverify.core.domain.ClientKey;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.SendLimit;
import dev.phoneverify.core.domain.SendLimitPolicy;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.CancelConstraints;
import dev.phoneverify.core.port.GatewayCapabilities;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.support.CapabilitiesBuilder;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.ScriptedGateway;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.Refusal.Capability;
import dev.phoneverify.core.usecase.StartCommand;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a gateway says it cannot do is refused as {@link Refusal.Unsupported} before the provider is called, and a
 * setup the gateway could never serve is refused when it is built.
 */
class CapabilityRefusalTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final ClientKey CLIENT = new ClientKey("203.0.113.7");
    private static final GatewayCapabilities V1 = CapabilitiesBuilder.v1Like().build();
    private static final GatewayCapabilities V2 = CapabilitiesBuilder.v2Like().build();
    /** One start per number, per client and per calling code, and the resend cooldown: any spend would show. */
    private static final AbuseControlPolicy ONE_OF_EACH = AbuseControlPolicy.none()
            .withSendLimits(SendLimitPolicy.none()
                    .withPerNumber(SendLimit.of(1, Duration.ofMinutes(10)))
                    .withPerClient(SendLimit.of(1, Duration.ofMinutes(10)))
                    .withPerCallingCode(SendLimit.of(1, Duration.ofMinutes(10))))
            .withResendCooldown(AbuseControlPolicy.DEFAULT_RESEND_COOLDOWN);

    private final MutableClock clock = new MutableClock();
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);

    private Verifications.Builder builderFor(ScriptedGateway gateway) {
        return Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(InMemoryStores.abuseControls(ONE_OF_EACH)).brand(new Brand("Acme")).clock(clock);
    }

    private Verifications serviceOn(ScriptedGateway gateway) {
        return builderFor(gateway).build();
    }

    static Stream<Arguments> startsTheGatewayCannotDo() {
        StartCommand start = StartCommand.to(NUMBER).withClient(CLIENT);
        StartCommand withAddress = start.withEmail(EmailAddress.parse("ada@example.com"));
        GatewayCapabilities noEmail = CapabilitiesBuilder.v2Like().channels(Channel.SMS, Channel.VOICE).build();
        return Stream.of(
                Arguments.of("WhatsApp on v1", V1, start.withWorkflow(Workflow.of(Channel.WHATSAPP)),
                        Capability.CHANNEL),
                Arguments.of("email on v1", V1, withAddress.withWorkflow(Workflow.parse("email,sms")),
                        Capability.CHANNEL),
                Arguments.of("email on SMS and voice only", noEmail,
                        withAddress.withWorkflow(Workflow.parse("sms,email")), Capability.CHANNEL),
                Arguments.of("another workflow on v1", V1, start.withWorkflow(Workflow.parse("sms")),
                        Capability.WORKFLOW),
                Arguments.of("voice first on v1", V1, start.withWorkflow(Workflow.parse("voice,sms,voice")),
                        Capability.WORKFLOW),
                Arguments.of("a step timeout on v1", V1,
                        start.withWorkflow(V1.defaultWorkflow().withStepTimeout(Duration.ofSeconds(60))),
                        Capability.STEP_TIMEOUT),
                Arguments.of("a step timeout under v2's range", V2,
                        start.withWorkflow(Workflow.parse("sms,voice").withStepTimeout(Duration.ofSeconds(14))),
                        Capability.STEP_TIMEOUT),
                Arguments.of("a step timeout over v2's range", V2,
                        start.withWorkflow(Workflow.parse("sms,voice").withStepTimeout(Duration.ofMinutes(16))),
                        Capability.STEP_TIMEOUT),
                Arguments.of("a custom code on v1", V1, start.withCustomCode(VerificationCode.parse("4711")),
                        Capability.CUSTOM_CODE),
                Arguments.of("a custom code with letters where codes are digits only", V2,
                        start.withCustomCode(VerificationCode.parse("12ab", CodeAlphabet.LETTERS_AND_DIGITS)),
                        Capability.CUSTOM_CODE),
                Arguments.of("a client reference on v1", V1, start.withClientReference(new ClientReference("order-42")),
                        Capability.CLIENT_REFERENCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("startsTheGatewayCannotDo")
    void aStartAskingForWhatTheGatewayLacksIsRefusedWithoutCallingItOrSpendingAnAllowance(
            String what, GatewayCapabilities capabilities, StartCommand command, Capability missing) {
        ScriptedGateway gateway = new ScriptedGateway(clock, capabilities);
        Verifications service = serviceOn(gateway);

        for (int i = 0; i < 3; i++) {
            assertThat(refusal(service.start(command))).isEqualTo(new Refusal.Unsupported(missing));
        }

        assertThat(gateway.totalCalls()).isZero();
        assertThat(store.size()).isZero();
        // One start per number, client and calling code, and no cooldown taken: the refusals spent nothing.
        started(service.start(StartCommand.to(NUMBER).withClient(CLIENT)));
        assertThat(gateway.startCalls()).isEqualTo(1);
    }

    @Test
    void aCustomCodeWithLettersReachesAGatewayThatTakesThemAsTyped() {
        ScriptedGateway gateway = new ScriptedGateway(clock,
                CapabilitiesBuilder.v2Like().codeAlphabet(CodeAlphabet.LETTERS_AND_DIGITS).build());
        VerificationCode code = VerificationCode.parse("12aB", CodeAlphabet.LETTERS_AND_DIGITS);

        started(builderFor(gateway).build().start(StartCommand.to(NUMBER).withCustomCode(code)));

        assertThat(gateway.lastStartRequest().customCode().map(VerificationCode::value)).contains("12aB");
    }

    @Test
    void whatTheGatewayCanDoIsPassedOnToItUnchanged() {
        ScriptedGateway gateway = new ScriptedGateway(clock, V2);
        Verifications service = builderFor(gateway).policy(VerificationPolicy.defaults().withCodeLength(8)).build();
        Workflow workflow = Workflow.parse("whatsapp,email,voice").withStepTimeout(Duration.ofSeconds(15));
        EmailAddress email = EmailAddress.parse("ada@example.com");

        VerificationFlow flow = started(service.start(StartCommand.to(NUMBER).withEmail(email)
                .withWorkflow(workflow).withClientReference(new ClientReference("order-42"))
                .withCustomCode(VerificationCode.parse("47114711")).withLocale(Locale.forLanguageTag("de-DE"))));

        StartRequest request = gateway.lastStartRequest();
        assertThat(request.workflow()).isEqualTo(workflow);
        assertThat(request.codeLength()).isEqualTo(8);
        assertThat(request.email()).contains(email);
        assertThat(request.clientReference()).contains(new ClientReference("order-42"));
        assertThat(request.customCode()).contains(VerificationCode.parse("47114711"));
        assertThat(request.locale()).contains(Locale.forLanguageTag("de-DE"));
        assertThat(flow.channel()).isEqualTo(Channel.WHATSAPP);
    }

    @Test
    void aStartWithoutAWorkflowGetsTheBuildersDefaultOrElseTheGatewaysOwn() {
        ScriptedGateway gateway = new ScriptedGateway(clock, V2);
        Verifications gatewaysOwn = Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock).build();
        Verifications chosen = Verifications.builder().gateway(gateway).flows(store)
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock)
                .defaultWorkflow(Workflow.parse("whatsapp,sms")).build();

        gatewaysOwn.start(StartCommand.to(NUMBER));
        assertThat(gateway.lastStartRequest().workflow()).isEqualTo(V2.defaultWorkflow());
        chosen.start(StartCommand.to(PhoneNumber.parse("+447700900001")));
        assertThat(gateway.lastStartRequest().workflow()).isEqualTo(Workflow.parse("whatsapp,sms"));
        assertThat(chosen.defaultWorkflow()).isEqualTo(Workflow.parse("whatsapp,sms"));
    }

    @Test
    void cancelOnAGatewayThatCannotCancelIsUnsupportedAndLeavesTheFlowAsItWas() {
        ScriptedGateway gateway = new ScriptedGateway(clock,
                CapabilitiesBuilder.v1Like().cancel(CancelConstraints.unsupported()).build());
        Verifications service = serviceOn(gateway);
        VerificationFlow flow = started(service.start(StartCommand.to(NUMBER)));

        assertThat(refusal(service.cancel(flow.id()))).isEqualTo(new Refusal.Unsupported(Capability.CANCEL));
        assertThat(gateway.cancelCalls()).isZero();
        assertThat(store.find(flow.id())).contains(flow);
    }

    @Test
    void nextStepOnAGatewayWithoutOneIsUnsupportedAndLeavesTheFlowAsItWas() {
        ScriptedGateway gateway = new ScriptedGateway(clock, CapabilitiesBuilder.v1Like().nextStep(false).build());
        Verifications service = serviceOn(gateway);
        VerificationFlow flow = started(service.start(StartCommand.to(NUMBER)));
        clock.advance(Duration.ofMinutes(1));

        assertThat(refusal(service.next(flow.id()))).isEqualTo(new Refusal.Unsupported(Capability.NEXT_STEP));
        assertThat(gateway.advanceCalls()).isZero();
        assertThat(store.find(flow.id())).contains(flow);
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8, 10})
    void theBuilderRefusesACodeLengthTheGatewayCannotSend(int length) {
        ScriptedGateway v1 = new ScriptedGateway(clock, V1);
        Verifications.Builder builder = builderFor(v1).policy(VerificationPolicy.defaults().withCodeLength(length));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(length + "-digit codes")
                .hasMessageContaining(Capability.CODE_LENGTH.name());
    }

    @Test
    void theBuilderAcceptsEveryCodeLengthTheGatewayCanSend() {
        for (int length : V1.codeLengths()) {
            ScriptedGateway v1 = new ScriptedGateway(clock, V1);
            Verifications service = builderFor(v1).policy(VerificationPolicy.defaults().withCodeLength(length)).build();

            started(service.start(StartCommand.to(PhoneNumber.parse("+4477009000" + length))));
            assertThat(v1.lastStartRequest().codeLength()).isEqualTo(length);
        }
    }

    @Test
    void theBuilderRefusesADefaultWorkflowTheGatewayCannotSend() {
        Verifications.Builder builder = builderFor(new ScriptedGateway(clock, V1))
                .defaultWorkflow(Workflow.parse("whatsapp,sms"));

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whatsapp,sms")
                .hasMessageContaining(Capability.CHANNEL.name());
    }

    /** The parts a builder needs, by the name the builder gives them. */
    enum Part {
        GATEWAY("gateway"), FLOWS("flows"), ABUSE_CONTROLS("abuseControls"), BRAND("brand"), CLOCK("clock");

        private final String builderName;

        Part(String builderName) {
            this.builderName = builderName;
        }
    }

    private void supply(Verifications.Builder builder, Part part) {
        switch (part) {
            case GATEWAY -> builder.gateway(new ScriptedGateway(clock));
            case FLOWS -> builder.flows(store);
            case ABUSE_CONTROLS -> builder.abuseControls(AbuseControls.off());
            case BRAND -> builder.brand(new Brand("Acme"));
            case CLOCK -> builder.clock(clock);
        }
    }

    @ParameterizedTest(name = "without {0}")
    @EnumSource(Part.class)
    void theBuilderRefusesToGuessARequiredPartAndNamesIt(Part missing) {
        Verifications.Builder builder = Verifications.builder();
        for (Part part : Part.values()) {
            if (part != missing) {
                supply(builder, part);
            }
        }

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Verifications.builder() needs " + missing.builderName);
    }

    @Test
    void withEveryRequiredPartTheBuilderBuilds() {
        Verifications.Builder builder = Verifications.builder();
        for (Part part : Part.values()) {
            supply(builder, part);
        }

        assertThat(builder.build().policy()).isEqualTo(VerificationPolicy.defaults());
    }

    @Test
    void anEmailStepWithoutAnAddressIsRefusedAsInputBeforeAnythingIsSpentOrSent() {
        ScriptedGateway gateway = new ScriptedGateway(clock, V2);
        Verifications service = serviceOn(gateway);

        assertThatThrownBy(() -> service.start(StartCommand.to(NUMBER).withClient(CLIENT)
                .withWorkflow(Workflow.parse("sms,email"))))
                .isInstanceOfSatisfying(dev.phoneverify.core.domain.InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo(dev.phoneverify.core.domain.InvalidInputException.Field.EMAIL));
        assertThat(gateway.startCalls()).isZero();
        assertThat(started(service.start(StartCommand.to(NUMBER).withClient(CLIENT)))).isNotNull();
    }
}
