package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.CapabilitiesBuilder;
import dev.phoneverify.core.support.RecordingListener;
import dev.phoneverify.core.support.Results;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.CheckResult;
import dev.phoneverify.core.usecase.StartCommand;
import java.util.OptionalInt;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A provider outage in any operation leaves the flow exactly as it was and surfaces as a retryable error. */
class ProviderOutageTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final RequestId REQUEST = new RequestId("req-1");
    private static final VerificationCode CODE = VerificationCode.parse("1234");
    private static final GatewayException OUTAGE =
            new GatewayException(GatewayException.Reason.UNAVAILABLE, "connection refused");

    private final MutableClock clock = new MutableClock();
    private final VerificationGateway gateway = gatewayWithAStatusLookup();
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final RecordingListener listener = new RecordingListener();
    private final Verifications service = Verifications.builder().gateway(gateway).flows(store)
            .abuseControls(AbuseControls.off()).brand(new Brand("Acme")).clock(clock)
            .policy(VerificationPolicy.defaults()).build();
    private VerificationFlow flow;

    /** A mocked provider that describes itself as v1 does, status lookup included. */
    private static VerificationGateway gatewayWithAStatusLookup() {
        VerificationGateway provider = mock(VerificationGateway.class);
        when(provider.capabilities()).thenReturn(CapabilitiesBuilder.v1Like().build());
        return provider;
    }

    @BeforeEach
    void startAFlow() {
        when(gateway.start(any())).thenReturn(
                new StartOutcome.Started(REQUEST, Channel.SMS, clock.instant().plusSeconds(605)));
        flow = Results.started(service.start(StartCommand.to(NUMBER)));
        // One wrong code first, so "attempts unchanged" means something.
        when(gateway.check(REQUEST, CODE)).thenReturn(new CheckOutcome.WrongCode(OptionalInt.empty()));
        flow = Results.flowAfter(check());
        service.addListener(listener);
    }

    private CheckResult check() {
        return service.check(new CheckCommand(flow.id(), CODE));
    }

    @ParameterizedTest
    @EnumSource(value = GatewayException.Reason.class, names = "MISCONFIGURED", mode = EnumSource.Mode.EXCLUDE)
    void anOutageDuringStartStartsNothingAndIsRetryable(GatewayException.Reason reason) {
        when(gateway.start(any())).thenThrow(new GatewayException(reason, "provider trouble"));

        assertRetryableOutage(() -> service.start(StartCommand.to(PhoneNumber.parse("+15550100"))));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void anOutageDuringCheckCountsNoAttempt() {
        when(gateway.check(REQUEST, CODE)).thenThrow(OUTAGE);

        assertRetryableOutage(this::check);
        assertFlowUnchanged();
    }

    @Test
    void aCheckRetriedAfterAnOutageCountsOneAttempt() {
        when(gateway.check(REQUEST, CODE)).thenThrow(OUTAGE).thenReturn(new CheckOutcome.WrongCode(OptionalInt.empty()));
        assertRetryableOutage(this::check);

        VerificationFlow after = Results.flowAfter(check());

        assertThat(after.wrongAttempts()).isEqualTo(flow.wrongAttempts() + 1);
        assertThat(after.version()).isEqualTo(flow.version() + 1);
    }

    @Test
    void anOutageDuringCancelLeavesTheFlowPending() {
        when(gateway.cancel(REQUEST)).thenThrow(OUTAGE);

        assertRetryableOutage(() -> service.cancel(flow.id()));
        assertFlowUnchanged();
    }

    @Test
    void anOutageDuringNextStepLeavesTheChannelAsItWas() {
        when(gateway.advance(REQUEST)).thenThrow(OUTAGE);

        assertRetryableOutage(() -> service.next(flow.id()));
        assertFlowUnchanged();
    }

    @Test
    void anOutageDuringTheStatusLookupOfACheckLeavesTheFlowPending() {
        when(gateway.check(REQUEST, CODE)).thenReturn(new CheckOutcome.NotFound());
        when(gateway.status(REQUEST)).thenThrow(OUTAGE);

        assertRetryableOutage(this::check);
        assertFlowUnchanged();
    }

    @Test
    void anOutageDuringTheStatusLookupOfACancelLeavesTheFlowPending() {
        when(gateway.cancel(REQUEST)).thenReturn(new CancelOutcome.NotFound());
        when(gateway.status(REQUEST)).thenThrow(OUTAGE);

        assertRetryableOutage(() -> service.cancel(flow.id()));
        assertFlowUnchanged();
    }

    @Test
    void anOutageDuringTheStatusLookupOfANextStepLeavesTheFlowPending() {
        when(gateway.advance(REQUEST)).thenReturn(new AdvanceOutcome.NotFound());
        when(gateway.status(REQUEST)).thenThrow(OUTAGE);

        assertRetryableOutage(() -> service.next(flow.id()));
        assertFlowUnchanged();
    }

    @Test
    void aMisconfiguredProviderIsReportedAsNotRetryable() {
        when(gateway.check(REQUEST, CODE)).thenThrow(
                new GatewayException(GatewayException.Reason.MISCONFIGURED, "bad credentials"));

        assertThatThrownBy(this::check)
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.isRetryable()).isFalse());
        assertFlowUnchanged();
    }

    private static void assertRetryableOutage(ThrowingCallable command) {
        assertThatThrownBy(command).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.isRetryable()).isTrue());
    }

    private void assertFlowUnchanged() {
        VerificationFlow stored = store.find(flow.id()).orElseThrow();
        assertThat(stored).isEqualTo(flow);
        assertThat(stored.version()).isEqualTo(flow.version());
        assertThat(stored.wrongAttempts()).isEqualTo(1);
        assertThat(stored.state()).isEqualTo(FlowState.PENDING);
        assertThat(listener.events()).isEmpty();
    }
}
