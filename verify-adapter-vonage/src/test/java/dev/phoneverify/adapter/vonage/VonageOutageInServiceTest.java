package dev.phoneverify.adapter.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.service.Verifications;
import dev.phoneverify.core.store.InMemoryStores;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Vonage outage seen through {@link Verifications}: every command fails as retryable, and the flow stays
 * exactly as it was (same state, same attempts, same version), with no event emitted.
 */
class VonageOutageInServiceTest {
    private static final String REQUEST_ID = "abcdef0123456789abcdef0123456789";
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** What goes wrong once the flow has started. */
    enum Fault {
        CONNECTION_REFUSED, HTTP_500, HTTP_401, NOT_JSON, NO_STATUS, SLOWER_THAN_TIMEOUT
    }

    /** A command the user can send to a pending flow. */
    enum Command {
        CHECK((service, flow) -> service.check(new CheckCommand(flow.id(), VerificationCode.parse("1234")))),
        CANCEL((service, flow) -> service.cancel(flow.id())),
        NEXT((service, flow) -> service.next(flow.id()));

        final java.util.function.BiConsumer<Verifications, VerificationFlow> send;

        Command(java.util.function.BiConsumer<Verifications, VerificationFlow> send) {
            this.send = send;
        }
    }

    private StubVerifyServer server;
    private CountDownLatch heldAnswers;
    private Verifications service;
    private final List<VerificationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFlowAgainstAWorkingServer() {
        server = StubVerifyServer.start();
        server.answer(StubVerifyServer.VERIFY, 200, "{\"request_id\":\"" + REQUEST_ID + "\",\"status\":\"0\"}");
        Clock clock = Clock.systemUTC();
        VonageVerificationGateway gateway = new VonageVerificationGateway(VonageConfig.builder()
                .apiKey("KEY").apiSecret("outage-secret").baseUri(server.baseUri()).timeout(TIMEOUT).clock(clock)
                .build());
        service = Verifications.builder().gateway(gateway).flows(InMemoryStores.flows(clock))
                .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock).build();
    }

    @AfterEach
    void stopServer() {
        if (heldAnswers != null) {
            heldAnswers.countDown();
        }
        server.close();
    }

    private void breakServer(Fault fault) {
        switch (fault) {
            case CONNECTION_REFUSED:
                server.close();
                break;
            case HTTP_500:
                answerEverywhere(500, "{\"error\":\"boom\"}");
                break;
            case HTTP_401:
                answerEverywhere(401, "{\"error\":\"bad credentials\"}");
                break;
            case NOT_JSON:
                answerEverywhere(200, "<html>maintenance</html>");
                break;
            case NO_STATUS:
                answerEverywhere(200, "{\"request_id\":\"" + REQUEST_ID + "\"}");
                break;
            default:
                answerEverywhere(200, "{\"status\":\"0\",\"command\":\"cancel\"}");
                heldAnswers = server.holdAnswers();
        }
    }

    private void answerEverywhere(int httpStatus, String body) {
        for (String path : List.of(StubVerifyServer.VERIFY, StubVerifyServer.CHECK, StubVerifyServer.CONTROL,
                StubVerifyServer.SEARCH)) {
            server.answer(path, httpStatus, body);
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyCommandDuringAnOutageLeavesTheFlowUntouched(Fault fault) {
        VerificationFlow before = ((StartResult.Started) service.start(
                StartCommand.to(PhoneNumber.parse("+447700900123")))).flow();
        events.clear();
        service.addListener(events::add);
        breakServer(fault);

        for (Command command : Command.values()) {
            assertThatThrownBy(() -> command.send.accept(service, before))
                    .as("%s during %s", command, fault)
                    .isInstanceOfSatisfying(GatewayException.class,
                            failure -> assertThat(failure.isRetryable()).isTrue());
        }

        VerificationFlow after = service.find(before.id()).orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(after.state()).isEqualTo(FlowState.PENDING);
        assertThat(after.attemptsRemaining()).isEqualTo(3);
        assertThat(events).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void startDuringAnOutageCreatesNoFlow(Fault fault) {
        breakServer(fault);
        List<VerificationEvent> seen = new CopyOnWriteArrayList<>();
        service.addListener(seen::add);
        Consumer<PhoneNumber> start = number -> service.start(StartCommand.to(number));

        assertThatThrownBy(() -> start.accept(PhoneNumber.parse("+447700900124")))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
        assertThat(seen).isEmpty();
    }
}
