package dev.phoneverify.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.phoneverify.core.domain.Brand;
import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.VerificationCode;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.port.AbuseControls;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.StartOutcome;
import dev.phoneverify.core.port.StoreUnavailableException;
import dev.phoneverify.core.port.VerificationGateway;
import dev.phoneverify.core.store.InMemoryFlowStore;
import dev.phoneverify.core.support.CapabilitiesBuilder;
import dev.phoneverify.core.support.MutableClock;
import dev.phoneverify.core.support.Results;
import dev.phoneverify.core.usecase.CheckCommand;
import dev.phoneverify.core.usecase.ProviderUpdate;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.UpdateResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A store that cannot be reached makes a command fail retryably, and the retry loses nothing. */
class StoreOutageTest {
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900000");
    private static final RequestId REQUEST = new RequestId("req-1");

    private final MutableClock clock = new MutableClock();
    private final VerificationGateway gateway = mock(VerificationGateway.class);
    private final SwitchableStore store = new SwitchableStore(new InMemoryFlowStore(clock));
    /** Abuse controls off: the resend cooldown would rightly hold back the immediate retries these tests make. */
    private final Verifications service = verificationsOn(gateway, store);

    private Verifications verificationsOn(VerificationGateway provider, FlowStore flows) {
        when(provider.capabilities()).thenReturn(CapabilitiesBuilder.v1Like().build());
        return Verifications.builder().gateway(provider).flows(flows).abuseControls(AbuseControls.off())
                .brand(new Brand("Acme")).clock(clock).policy(VerificationPolicy.defaults()).build();
    }

    @Test
    void aStartWhoseFlowCouldNotBeStoredIsAdoptedByTheRetry() {
        when(gateway.start(any())).thenReturn(new StartOutcome.Started(REQUEST, Channel.SMS,
                clock.instant().plusSeconds(605)));
        store.down = true;
        assertThatThrownBy(() -> service.start(StartCommand.to(NUMBER))).isInstanceOf(StoreUnavailableException.class);

        store.down = false;
        when(gateway.start(any())).thenReturn(new StartOutcome.ConcurrentVerification(REQUEST));
        VerificationFlow adopted = Results.started(service.start(StartCommand.to(NUMBER)));

        assertThat(adopted.requestId()).isEqualTo(REQUEST);
        assertThat(adopted.state()).isEqualTo(FlowState.PENDING);
        assertThat(store.find(adopted.id())).contains(adopted);
    }

    @Test
    void anAdoptionThatCouldNotBeStoredIsAdoptedByTheNextRetry() {
        when(gateway.start(any())).thenReturn(new StartOutcome.Started(REQUEST, Channel.SMS,
                clock.instant().plusSeconds(605)));
        store.down = true;
        assertThatThrownBy(() -> service.start(StartCommand.to(NUMBER))).isInstanceOf(StoreUnavailableException.class);
        when(gateway.start(any())).thenReturn(new StartOutcome.ConcurrentVerification(REQUEST));
        assertThatThrownBy(() -> service.start(StartCommand.to(NUMBER))).isInstanceOf(StoreUnavailableException.class);

        store.down = false;
        VerificationFlow adopted = Results.started(service.start(StartCommand.to(NUMBER)));

        assertThat(adopted.requestId()).isEqualTo(REQUEST);
        assertThat(store.find(adopted.id())).contains(adopted);
    }

    @Test
    void aCheckWhileTheStoreIsDownDoesNotAskTheProvider() {
        when(gateway.start(any())).thenReturn(new StartOutcome.Started(REQUEST, Channel.SMS,
                clock.instant().plusSeconds(605)));
        VerificationFlow flow = Results.started(service.start(StartCommand.to(NUMBER)));
        store.down = true;

        assertThatThrownBy(() -> service.check(new CheckCommand(flow.id(), VerificationCode.parse("1234"))))
                .isInstanceOf(StoreUnavailableException.class);

        verify(gateway, never()).check(any(), any());
        store.down = false;
        assertThat(store.find(flow.id())).contains(flow);
    }

    @Test
    void aPushedUpdateWhileTheStoreIsDownFailsSoTheProviderRetriesAndTheRetryApplies() {
        when(gateway.start(any())).thenReturn(new StartOutcome.Started(REQUEST, Channel.SMS,
                clock.instant().plusSeconds(605)));
        VerificationFlow flow = Results.started(service.start(StartCommand.to(NUMBER)));
        ProviderUpdate ended = new ProviderUpdate.RequestEnded(REQUEST, ProviderUpdate.EndStatus.COMPLETED,
                clock.instant());
        store.down = true;

        assertThatThrownBy(() -> service.apply(ended)).isInstanceOf(StoreUnavailableException.class);

        store.down = false;
        assertThat(store.find(flow.id())).contains(flow);
        assertThat(service.apply(ended).outcome()).isEqualTo(UpdateResult.Outcome.APPLIED);
        assertThat(store.find(flow.id()).orElseThrow().state()).isEqualTo(FlowState.VERIFIED);
    }

    /** An in-memory store that can be made unreachable, as a database during an outage. */
    private static final class SwitchableStore implements FlowStore {
        private final FlowStore delegate;
        volatile boolean down;

        SwitchableStore(FlowStore delegate) {
            this.delegate = delegate;
        }

        private void reachable() {
            if (down) {
                throw new StoreUnavailableException("the store is down");
            }
        }

        @Override
        public void insert(VerificationFlow flow) {
            reachable();
            delegate.insert(flow);
        }

        @Override
        public Optional<VerificationFlow> find(FlowId id) {
            reachable();
            return delegate.find(id);
        }

        @Override
        public Optional<VerificationFlow> findByRequestId(RequestId requestId) {
            reachable();
            return delegate.findByRequestId(requestId);
        }

        @Override
        public boolean update(VerificationFlow next) {
            reachable();
            return delegate.update(next);
        }

        @Override
        public List<VerificationFlow> pendingDueBy(Instant now, int limit) {
            reachable();
            return delegate.pendingDueBy(now, limit);
        }

        @Override
        public int purgeFinishedBefore(Instant cutoff) {
            reachable();
            return delegate.purgeFinishedBefore(cutoff);
        }
    }
}
