package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.fake.DeliveredMessage;
import dev.phoneverify.adapter.fake.FakeClock;
import dev.phoneverify.adapter.fake.FakeVerificationGateway;
import dev.phoneverify.adapter.fake.Operation;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.ClientReference;
import dev.phoneverify.core.domain.EmailAddress;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.Workflow;
import dev.phoneverify.core.domain.WorkflowStep;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StartRequest;
import dev.phoneverify.emulator.VerifyEmulator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verify v2 as the gateway uses it, through the real SDK over loopback HTTP against the emulator's
 * {@code /v2/verify}: every channel and start option, each check, cancel and next-step answer, and the failures the
 * emulator can script (the stub tests cover the statuses it cannot produce: 402, 412, unreadable bodies).
 */
class VonageV2AgainstEmulatorTest {
    private static final AtomicLong NUMBERS = new AtomicLong(447_700_910_000L);
    private static final String WHATSAPP_FROM = "447700400080";
    private static final EmailAddress EMAIL = EmailAddress.parse("alice@example.com");

    private static FakeClock clock;
    private static VerifyEmulator emulator;
    private static Callbacks callbacks;
    private VonageV2VerificationGateway gateway;

    @BeforeAll
    static void startEmulator() throws IOException {
        clock = new FakeClock();
        callbacks = new Callbacks();
        emulator = VerifyEmulator.builder(FakeVerificationGateway.builder().clock(clock).build())
                .credentials(V2Fixture.KEY, V2Fixture.SECRET)
                .applicationPublicKey(TestApplication.publicKey())
                .callbacks(callbacks.url(), "callback-signature-secret")
                .start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
        callbacks.close();
    }

    @BeforeEach
    void freshEmulatorAndGateway() {
        fake().reset();
        gateway = gateway(b -> { });
    }

    private static FakeVerificationGateway fake() {
        return emulator.v2Fake();
    }

    private static VonageV2VerificationGateway gateway(Consumer<VonageV2Config.Builder> more) {
        VonageV2Config.Builder builder = VonageV2Config.builder().apiKey(V2Fixture.KEY).apiSecret(V2Fixture.SECRET)
                .baseUri(emulator.baseUri()).timeout(Duration.ofSeconds(5)).clock(clock)
                .whatsappFrom(WHATSAPP_FROM).emailFrom("verify@acme.example");
        more.accept(builder);
        return new VonageV2VerificationGateway(builder.build());
    }

    private static PhoneNumber freshNumber() {
        return PhoneNumber.parse("+" + NUMBERS.incrementAndGet());
    }

    private static StartRequest request(PhoneNumber number, Workflow workflow) {
        return new StartRequest(number, V2Fixture.BRAND, 6, workflow,
                workflow.hasEmailStep() ? Optional.of(EMAIL) : Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private StartOutcome.Started start(StartRequest request) {
        StartOutcome outcome = gateway.start(request);
        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        return (StartOutcome.Started) outcome;
    }

    private StartOutcome.Started smsThenVoice(PhoneNumber number) {
        return start(request(number, Workflow.of(Channel.SMS, Channel.VOICE)));
    }

    private static DeliveredMessage lastMessageTo(PhoneNumber number) {
        List<DeliveredMessage> messages = fake().outboxFor(number);
        assertThat(messages).as("messages to %s", number).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    private static VerificationCode codeSentTo(PhoneNumber number) {
        return VerificationCode.parse(lastMessageTo(number).code());
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void startSendsTheFirstStepOnItsChannel(Channel channel) {
        PhoneNumber number = freshNumber();
        // The emulator keys a request on a phone number, so an email step has a phone step after it.
        Workflow workflow = channel == Channel.EMAIL ? Workflow.of(Channel.EMAIL, Channel.SMS) : Workflow.of(channel);

        StartOutcome.Started started = start(request(number, workflow));

        assertThat(started.channel()).isEqualTo(channel);
        DeliveredMessage sent = lastMessageTo(number);
        assertThat(sent.channel()).isEqualTo(channel);
        assertThat(sent.requestId()).isEqualTo(started.requestId());
        assertThat(sent.to()).isEqualTo(channel == Channel.EMAIL ? EMAIL.value() : number.digits());
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void whatsAppWithoutAConfiguredSenderIsNotOnOfferAndNothingIsSent() {
        VonageV2VerificationGateway noSender = new VonageV2VerificationGateway(VonageV2Config.builder()
                .apiKey(V2Fixture.KEY).apiSecret(V2Fixture.SECRET).baseUri(emulator.baseUri()).clock(clock).build());
        PhoneNumber number = freshNumber();

        assertThat(noSender.capabilities().channels()).doesNotContain(Channel.WHATSAPP);
        assertThatThrownBy(() -> noSender.start(request(number, Workflow.of(Channel.WHATSAPP))))
                .isInstanceOf(RuntimeException.class);
        assertThat(fake().outboxFor(number)).isEmpty();
    }

    @Test
    void everyCodeLengthIsSentAsAsked() {
        for (int length = 4; length <= 10; length++) {
            PhoneNumber number = freshNumber();
            StartRequest request = new StartRequest(number, V2Fixture.BRAND, length, Workflow.of(Channel.SMS),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

            start(request);

            assertThat(codeSentTo(number).length()).isEqualTo(length);
        }
    }

    @Test
    void customCodeIsTheCodeDeliveredAndChecked() {
        PhoneNumber number = freshNumber();
        VerificationCode custom = VerificationCode.parse("93718264");

        StartOutcome.Started started = start(new StartRequest(number, V2Fixture.BRAND, 4, Workflow.of(Channel.SMS),
                Optional.empty(), Optional.empty(), Optional.of(custom), Optional.empty()));

        assertThat(codeSentTo(number)).isEqualTo(custom);
        assertThat(gateway.check(started.requestId(), custom)).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void channelTimeoutIsWhenTheEmulatorMovesToTheNextStepAndTheEndReportedMatchesIt() {
        PhoneNumber number = freshNumber();
        StartRequest request = request(number, new Workflow(List.of(
                WorkflowStep.on(Channel.SMS).lasting(Duration.ofSeconds(60)), WorkflowStep.on(Channel.VOICE))));

        StartOutcome.Started started = start(request);
        clock.advance(Duration.ofSeconds(59));
        assertThat(lastMessageTo(number).channel()).isEqualTo(Channel.SMS);
        clock.advance(Duration.ofSeconds(2));

        assertThat(lastMessageTo(number).channel()).isEqualTo(Channel.VOICE);
        assertThat(Duration.between(clock.instant().minusSeconds(61), started.requestEndsAt()))
                .isEqualTo(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(60));
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void clientReferenceComesBackInTheCallbacksAndTheLocaleIsAccepted() throws InterruptedException {
        PhoneNumber number = freshNumber();
        StartRequest request = new StartRequest(number, V2Fixture.BRAND, 6, Workflow.of(Channel.SMS, Channel.VOICE),
                Optional.empty(), Optional.of(new ClientReference("order42")), Optional.empty(),
                Optional.of(Locale.forLanguageTag("es-ES")));

        StartOutcome.Started started = start(request);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);

        assertThat(callbacks.firstAbout(started.requestId().value())).contains("\"client_ref\":\"order42\"");
    }

    @Test
    void wrongCodesAreAnswersUntilTheThirdWhichEndsTheRequest() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        VerificationCode right = codeSentTo(number);
        VerificationCode wrong = wrongCodeFor(right);

        assertThat(gateway.check(started.requestId(), wrong)).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(gateway.check(started.requestId(), wrong)).isInstanceOf(CheckOutcome.WrongCode.class);
        assertThat(gateway.check(started.requestId(), wrong)).isInstanceOf(CheckOutcome.TooManyAttempts.class);
        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void aVerifiedRequestIsNotFoundByTheNextCheck() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        VerificationCode right = codeSentTo(number);

        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.Correct.class);
        assertThat(gateway.check(started.requestId(), right)).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void cancelEndsTheRequestAndASecondCancelFindsNothing() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        clock.advance(Duration.ofSeconds(31));

        assertThat(gateway.cancel(started.requestId())).isInstanceOf(CancelOutcome.Cancelled.class);
        assertThat(gateway.cancel(started.requestId())).isInstanceOf(CancelOutcome.NotFound.class);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.NotFound.class);
    }

    @Test
    void nextStepMovesToTheNextChannelAndAtTheLastStepIsRefused() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = start(request(number, Workflow.of(Channel.SMS, Channel.WHATSAPP,
                Channel.VOICE)));

        AdvanceOutcome second = gateway.advance(started.requestId());
        assertThat(lastMessageTo(number).channel()).isEqualTo(Channel.WHATSAPP);
        AdvanceOutcome third = gateway.advance(started.requestId());
        AdvanceOutcome none = gateway.advance(started.requestId());

        assertThat(second).isInstanceOfSatisfying(AdvanceOutcome.Advanced.class,
                advanced -> assertThat(advanced.channel()).isEqualTo(Channel.WHATSAPP));
        assertThat(third).isInstanceOfSatisfying(AdvanceOutcome.Advanced.class,
                advanced -> assertThat(advanced.channel()).isEqualTo(Channel.VOICE));
        assertThat(lastMessageTo(number).channel()).isEqualTo(Channel.VOICE);
        assertThat(none).isInstanceOf(AdvanceOutcome.NoStepsLeft.class);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void secondStartToTheSameNumberAdoptsTheRequestInFlight() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started first = smsThenVoice(number);

        StartOutcome second = gateway.start(request(number, Workflow.of(Channel.SMS, Channel.VOICE)));

        assertThat(second).isEqualTo(new StartOutcome.ConcurrentVerification(first.requestId()));
        assertThat(fake().outboxFor(number)).hasSize(1);
    }

    @Test
    void aNumberTheProviderRefusesIsRejectedAndNothingIsSent() {
        PhoneNumber number = freshNumber();
        fake().invalidNumber(number);

        StartOutcome outcome = gateway.start(request(number, Workflow.of(Channel.SMS)));

        assertThat(outcome).isEqualTo(new StartOutcome.Rejected(StartOutcome.RejectionReason.INVALID_NUMBER));
        assertThat(fake().outboxFor(number)).isEmpty();
    }

    @Test
    void wrongCredentialsAreAFailureThatIsNotRetriedAndSendNothing() {
        VonageV2VerificationGateway wrong = gateway(b -> b.apiSecret("not-the-secret"));
        PhoneNumber number = freshNumber();

        assertThatThrownBy(() -> wrong.start(request(number, Workflow.of(Channel.SMS))))
                .isInstanceOfSatisfying(GatewayException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(GatewayException.Reason.MISCONFIGURED);
                    assertThat(failure.isRetryable()).isFalse();
                    assertThat(failure.getMessage()).contains("401").doesNotContain("not-the-secret");
                });
        assertThat(fake().outboxFor(number)).isEmpty();
    }

    /** An operation on a request in flight, as the scripted faults name it. */
    enum Call {
        CHECK(Operation.CHECK), CANCEL(Operation.CANCEL), NEXT(Operation.ADVANCE);

        final Operation operation;

        Call(Operation operation) {
            this.operation = operation;
        }
    }

    private void send(Call call, StartOutcome.Started started) {
        switch (call) {
            case CHECK -> gateway.check(started.requestId(), VerificationCode.parse("000000"));
            case CANCEL -> gateway.cancel(started.requestId());
            case NEXT -> gateway.advance(started.requestId());
        }
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void aServerErrorIsRetryableAndChangesNothing(Call call) {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        fake().failNext(call.operation);

        assertThatThrownBy(() -> send(call, started)).isInstanceOfSatisfying(GatewayException.class, failure -> {
            assertThat(failure.reason()).isEqualTo(GatewayException.Reason.UNAVAILABLE);
            assertThat(failure.isRetryable()).isTrue();
        });

        assertThat(fake().outboxFor(number)).hasSize(1);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @ParameterizedTest
    @EnumSource(Call.class)
    void noAnswerIsARetryableTimeoutAndChangesNothing(Call call) {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        fake().timeOutNext(call.operation);

        assertThatThrownBy(() -> send(call, started)).isInstanceOfSatisfying(GatewayException.class,
                failure -> assertThat(failure.isRetryable()).isTrue());

        assertThat(fake().outboxFor(number)).hasSize(1);
        assertThat(gateway.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void aNextStepWhoseAnswerWasLostIsTakenOnceNotTwice() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = start(request(number, Workflow.of(Channel.SMS, Channel.WHATSAPP,
                Channel.VOICE)));
        fake().loseNextAnswer(Operation.ADVANCE);

        assertThatThrownBy(() -> gateway.advance(started.requestId()))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());

        assertThat(fake().outboxFor(number)).extracting(DeliveredMessage::channel)
                .containsExactly(Channel.SMS, Channel.WHATSAPP);
    }

    @Test
    void aCancelWhoseAnswerWasLostIsSentOnce() {
        PhoneNumber number = freshNumber();
        StartOutcome.Started started = smsThenVoice(number);
        clock.advance(Duration.ofSeconds(31));
        fake().loseNextAnswer(Operation.CANCEL);

        assertThatThrownBy(() -> gateway.cancel(started.requestId()))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
    }

    @Test
    void aFailedStartSendsNothingAndTheRetrySendsOnce() {
        PhoneNumber number = freshNumber();
        fake().failNext(Operation.START);

        assertThatThrownBy(() -> gateway.start(request(number, Workflow.of(Channel.SMS))))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
        assertThat(fake().outboxFor(number)).isEmpty();

        start(request(number, Workflow.of(Channel.SMS)));
        assertThat(fake().outboxFor(number)).hasSize(1);
    }

    @Test
    void throttledStartIsRetryableAndSaysWhenToRetry() {
        PhoneNumber number = freshNumber();
        fake().throttleNext();

        assertThatThrownBy(() -> gateway.start(request(number, Workflow.of(Channel.SMS))))
                .isInstanceOfSatisfying(GatewayException.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(GatewayException.Reason.THROTTLED);
                    assertThat(failure.isRetryable()).isTrue();
                    assertThat(failure.retryAfter()).isPresent();
                });
        assertThat(fake().outboxFor(number)).isEmpty();
    }

    @Test
    void aStartWhoseAnswerWasLostIsAdoptedByTheRetry() {
        PhoneNumber number = freshNumber();
        fake().loseNextAnswer(Operation.START);

        assertThatThrownBy(() -> gateway.start(request(number, Workflow.of(Channel.SMS, Channel.VOICE))))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
        StartOutcome retry = gateway.start(request(number, Workflow.of(Channel.SMS, Channel.VOICE)));

        assertThat(retry).isEqualTo(new StartOutcome.ConcurrentVerification(lastMessageTo(number).requestId()));
        assertThat(fake().outboxFor(number)).hasSize(1);
    }

    @Test
    void withAnApplicationEveryCallIsAuthorisedByItsToken() {
        VonageV2VerificationGateway jwt = gateway(b -> b.application(TestApplication.application()));
        PhoneNumber number = freshNumber();

        StartOutcome outcome = jwt.start(request(number, Workflow.of(Channel.SMS, Channel.VOICE)));

        assertThat(outcome).isInstanceOf(StartOutcome.Started.class);
        StartOutcome.Started started = (StartOutcome.Started) outcome;
        assertThat(jwt.advance(started.requestId())).isInstanceOf(AdvanceOutcome.Advanced.class);
        assertThat(jwt.check(started.requestId(), codeSentTo(number))).isInstanceOf(CheckOutcome.Correct.class);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedAsMisconfigured() throws GeneralSecurityException {
        byte[] otherKey = otherPrivateKeyPem();
        VonageV2VerificationGateway other = gateway(b -> b.application(
                VonageApplication.of(TestApplication.ID, otherKey)));
        PhoneNumber number = freshNumber();

        assertThatThrownBy(() -> other.start(request(number, Workflow.of(Channel.SMS))))
                .isInstanceOfSatisfying(GatewayException.class, failure ->
                        assertThat(failure.reason()).isEqualTo(GatewayException.Reason.MISCONFIGURED));
        assertThat(fake().outboxFor(number)).isEmpty();
    }

    private static VerificationCode wrongCodeFor(VerificationCode right) {
        return VerificationCode.parse(right.value().chars().mapToObj(digit -> String.valueOf((digit - '0' + 1) % 10))
                .reduce("", String::concat));
    }

    /** The PEM of a fresh RSA key that is not the application's. */
    private static byte[] otherPrivateKeyPem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Takes the emulator's signed callbacks on loopback and keeps their bodies. */
    private static final class Callbacks implements AutoCloseable {
        private final HttpServer server;
        private final BlockingQueue<String> bodies = new LinkedBlockingQueue<>();

        Callbacks() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/callbacks", exchange -> {
                try (exchange) {
                    bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    exchange.sendResponseHeaders(204, -1);
                }
            });
            server.start();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks");
        }

        /** The first callback about {@code requestId}, waiting a bounded time for it to arrive. */
        String firstAbout(String requestId) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline) {
                String body = bodies.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (body != null && body.contains(requestId)) {
                    return body;
                }
            }
            throw new AssertionError("no callback about " + requestId);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
