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
import dev.phoneverify.core.port.AdvanceOutcome;
import dev.phoneverify.core.port.CancelOutcome;
import dev.phoneverify.core.port.CheckOutcome;
import dev.phoneverify.core.port.GatewayException;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.RecordingListener;
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
    private final VerificationGateway gateway = mock(VerificationGateway.class);
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock);
    private final RecordingListener listener = new RecordingListener();
    private final VerificationService service =
            new VerificationService(gateway, store, VerificationPolicy.defaults(), new Brand("Acme"), clock,
                    AbuseControls.none());
    private VerificationFlow flow;

    @BeforeEach
    void startAFlow() {
        when(gateway.start(any())).thenReturn(
                new StartOutcome.Started(REQUEST, Channel.SMS, clock.instant().plusSeconds(605)));
        flow = service.start(NUMBER);
        // One wrong code first, so "attempts unchanged" means something.
        when(gateway.check(REQUEST, CODE)).thenReturn(new CheckOutcome.WrongCode(OptionalInt.empty()));
        flow = service.check(flow.id(), CODE).flow();
        service.addListener(listener);
    }

    @ParameterizedTest
    @EnumSource(value = GatewayException.Reason.class, names = "MISCONFIGURED", mode = EnumSource.Mode.EXCLUDE)
    void anOutageDuringStartStartsNothingAndIsRetryable(GatewayException.Reason reason) {
        when(gateway.start(any())).thenThrow(new GatewayException(reason, "provider trouble"));

        assertRetryableOutage(() -> service.start(PhoneNumber.parse("+15550100")));
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void anOutageDuringCheckCountsNoAttempt() {
        when(gateway.check(REQUEST, CODE)).thenThrow(OUTAGE);

        assertRetryableOutage(() -> service.check(flow.id(), CODE));
        assertFlowUnchanged();
    }

    @Test
    void aCheckRetriedAfterAnOutageCountsOneAttempt() {
        when(gateway.check(REQUEST, CODE)).thenThrow(OUTAGE).thenReturn(new CheckOutcome.WrongCode(OptionalInt.empty()));
        assertRetryableOutage(() -> service.check(flow.id(), CODE));

        VerificationFlow after = service.check(flow.id(), CODE).flow();

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

        assertRetryableOutage(() -> service.check(flow.id(), CODE));
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

        assertThatThrownBy(() -> service.check(flow.id(), CODE))
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
