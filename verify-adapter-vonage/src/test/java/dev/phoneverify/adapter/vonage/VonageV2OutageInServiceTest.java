package dev.phoneverify.adapter.vonage;

import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.empty;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.json;
import static dev.phoneverify.adapter.vonage.StubVerify2Server.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.adapter.vonage.StubVerify2Server.Answer;
import dev.phoneverify.adapter.vonage.StubVerify2Server.Operation;
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
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A Vonage v2 outage seen through {@link Verifications}: every command fails as retryable, and the flow stays
 * exactly as it was, with no event emitted; a start during the outage creates no flow.
 */
class VonageV2OutageInServiceTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    /** What goes wrong once the flow has started. */
    enum Fault {
        CONNECTION_REFUSED, HTTP_500, HTTP_503_HTML, NOT_JSON, THROTTLED, SLOWER_THAN_TIMEOUT
    }

    /** A command the user can send to a pending flow. */
    enum Command {
        CHECK((service, flow) -> service.check(new CheckCommand(flow.id(), VerificationCode.parse("1234")))),
        CANCEL((service, flow) -> service.cancel(flow.id())),
        NEXT((service, flow) -> service.next(flow.id()));

        final BiConsumer<Verifications, VerificationFlow> send;

        Command(BiConsumer<Verifications, VerificationFlow> send) {
            this.send = send;
        }
    }

    private StubVerify2Server server;
    private CountDownLatch heldAnswers;
    private Verifications service;
    private final List<VerificationEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startFlowAgainstAWorkingServer() {
        server = StubVerify2Server.start().answer(Operation.START, json(202, V2Fixture.STARTED));
        Clock clock = Clock.systemUTC();
        VonageV2VerificationGateway gateway = new VonageV2VerificationGateway(VonageV2Config.builder()
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
            case CONNECTION_REFUSED -> server.close();
            case HTTP_500 -> answerEverywhere(problem(500, "Internal error", ""));
            case HTTP_503_HTML -> answerEverywhere(new Answer(503, "text/html", "<html>maintenance</html>", Map.of()));
            case NOT_JSON -> answerEverywhere(new Answer(200, "application/json", "<html>", Map.of()));
            case THROTTLED -> answerEverywhere(problem(429, "Rate Limit Hit", ""));
            case SLOWER_THAN_TIMEOUT -> {
                answerEverywhere(empty(204));
                heldAnswers = server.holdAnswers();
            }
        }
    }

    private void answerEverywhere(Answer answer) {
        for (Operation operation : Operation.values()) {
            server.answer(operation, answer);
        }
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void everyCommandDuringAnOutageLeavesTheFlowUntouched(Fault fault) {
        VerificationFlow before = ((StartResult.Started) service.start(
                StartCommand.to(PhoneNumber.parse("+447700900123")))).flow();
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
        assertThat(events).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void startDuringAnOutageCreatesNoFlow(Fault fault) {
        breakServer(fault);
        service.addListener(events::add);

        assertThatThrownBy(() -> service.start(StartCommand.to(PhoneNumber.parse("+447700900124"))))
                .isInstanceOfSatisfying(GatewayException.class, failure -> assertThat(failure.isRetryable()).isTrue());
        assertThat(events).isEmpty();
    }
}
