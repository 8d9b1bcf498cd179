package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.FlowState;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every {@link FlowStore} must do, stated once. A store's test extends this class and builds an empty store
 * in {@link #createStore(Clock)}.
 *
 * <p>Instants in this suite carry microseconds and no finer digits: that is what a SQL {@code timestamp} keeps,
 * and it is fine enough for every rule the flows follow.
 */
public abstract class FlowStoreContract {
    /** Now, for the store's clock and for the flows; deliberately not on a whole second. */
    protected static final Instant NOW = Instant.parse("2031-05-04T10:15:30.123456Z");
    private static final PhoneNumber NUMBER = PhoneNumber.parse("+447700900123");
    private static final int RACING_WRITERS = 8;
    private static final int RACE_ROUNDS = 5;

    private FlowStore store;

    /** A store holding no flows whose clock (for any housekeeping of its own) reads {@code clock}. */
    protected abstract FlowStore createStore(Clock clock);

    @BeforeEach
    void setUpStore() {
        store = createStore(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    protected FlowStore store() {
        return store;
    }

    /** A flow with every field set to something other than its default. */
    protected static VerificationFlow flow(FlowState state, Instant updatedAt, Instant expiresAt) {
        return new VerificationFlow(FlowId.random(), NUMBER, new RequestId(FlowId.random().value()), state,
                Channel.VOICE, 2, 1, NOW.minus(Duration.ofMinutes(40)), updatedAt, NOW.minus(Duration.ofMinutes(30)),
                expiresAt, reasonFor(state), 7);
    }

    /** A reason a flow in {@code state} may have ended for; none for a pending one. */
    protected static Optional<EndReason> reasonFor(FlowState state) {
        return switch (state) {
            case PENDING -> Optional.empty();
            case VERIFIED -> Optional.of(EndReason.VERIFIED_AT_PROVIDER);
            case FAILED -> Optional.of(EndReason.BLOCKED_BY_PROVIDER);
            case EXPIRED -> Optional.of(EndReason.UNKNOWN_TO_PROVIDER);
            case CANCELLED -> Optional.of(EndReason.CANCELLED_AT_PROVIDER);
        };
    }

    private static VerificationFlow pendingExpiringAt(Instant expiresAt) {
        return flow(FlowState.PENDING, NOW.minus(Duration.ofMinutes(1)), expiresAt);
    }

    private static VerificationFlow finishedAt(FlowState state, Instant endedAt) {
        return flow(state, endedAt, endedAt.plus(Duration.ofMinutes(5)));
    }

    /** The same flow one transition on, with the given attempt counts. */
    private static VerificationFlow nextVersion(VerificationFlow flow, FlowState state, int wrongAttempts) {
        return new VerificationFlow(flow.id(), flow.number(), flow.requestId(), state, Channel.SMS, wrongAttempts,
                Math.max(0, 3 - wrongAttempts), flow.createdAt(), flow.updatedAt().plusNanos(1_000),
                flow.stepStartedAt().plusSeconds(30), flow.expiresAt().plusSeconds(60), reasonFor(state),
                flow.version() + 1);
    }

    @ParameterizedTest
    @EnumSource(FlowState.class)
    void aStoredFlowIsFoundWithEveryFieldIntact(FlowState state) {
        VerificationFlow flow = new VerificationFlow(FlowId.random(), NUMBER, new RequestId("req-" + state.ordinal()),
                state, Channel.VOICE, 2, 1, NOW.minusSeconds(90).minusNanos(654_321_000),
                NOW.minusNanos(1_000), NOW.minusSeconds(45).minusNanos(123_000),
                NOW.plusSeconds(510).plusNanos(999_999_000), reasonFor(state), Long.MAX_VALUE - 1);

        store.insert(flow);

        assertThat(store.find(flow.id())).contains(flow);
    }

    @ParameterizedTest
    @EnumSource(EndReason.class)
    void everyEndReasonIsKept(EndReason reason) {
        VerificationFlow ended = new VerificationFlow(FlowId.random(), NUMBER, new RequestId("req-" + reason.ordinal()),
                reason.state(), Channel.SMS, 0, 0, NOW.minusSeconds(60), NOW, NOW.minusSeconds(60),
                NOW.plusSeconds(540), Optional.of(reason), 1);

        store.insert(ended);

        assertThat(store.find(ended.id())).hasValueSatisfying(
                found -> assertThat(found.endReason()).contains(reason));
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void everyChannelIsKept(Channel channel) {
        VerificationFlow flow = new VerificationFlow(FlowId.random(), NUMBER, new RequestId("req-" + channel),
                FlowState.PENDING, channel, 0, 3, NOW, NOW, NOW, NOW.plusSeconds(600), Optional.empty(), 0);

        store.insert(flow);

        assertThat(store.find(flow.id())).contains(flow);
    }

    @Test
    void aStoredFlowIsFoundByItsRequestId() {
        VerificationFlow flow = pendingExpiringAt(NOW.plusSeconds(60));
        VerificationFlow other = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(flow);
        store.insert(other);

        assertThat(store.findByRequestId(flow.requestId())).contains(flow);
        assertThat(store.findByRequestId(other.requestId())).contains(other);
    }

    @Test
    void anUnknownRequestIdFindsNothing() {
        store.insert(pendingExpiringAt(NOW.plusSeconds(60)));

        assertThat(store.findByRequestId(new RequestId("never-started-here"))).isEmpty();
    }

    @Test
    void requestIdsOfEveryProviderShapeAreKeptIntactAndFound() {
        List<RequestId> shapes = List.of(
                new RequestId("abcdef0123456789abcdef0123456789"),
                new RequestId("c11236f4-00bf-4b89-84ba-88b25df97315"),
                new RequestId("Z".repeat(RequestId.MAX_LENGTH)),
                new RequestId("7"));
        for (RequestId requestId : shapes) {
            VerificationFlow flow = withRequestId(pendingExpiringAt(NOW.plusSeconds(60)), requestId);
            store.insert(flow);

            assertThat(store.find(flow.id())).contains(flow);
            assertThat(store.findByRequestId(requestId)).contains(flow);
        }
    }

    @Test
    void findByRequestIdSeesTheLatestVersion() {
        VerificationFlow stored = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(stored);
        VerificationFlow next = nextVersion(stored, FlowState.PENDING, 1);
        VerificationFlow ended = nextVersion(next, FlowState.VERIFIED, 1);

        assertThat(store.update(next)).isTrue();
        assertThat(store.findByRequestId(stored.requestId())).contains(next);
        assertThat(store.update(ended)).isTrue();
        assertThat(store.findByRequestId(stored.requestId())).contains(ended);
    }

    @Test
    void aPurgedFlowIsNoLongerFoundByItsRequestId() {
        VerificationFlow old = finishedAt(FlowState.VERIFIED, NOW.minus(Duration.ofMinutes(10)));
        store.insert(old);

        assertThat(store.purgeFinishedBefore(NOW.minus(Duration.ofMinutes(5)))).isEqualTo(1);

        assertThat(store.findByRequestId(old.requestId())).isEmpty();
    }

    private static VerificationFlow withRequestId(VerificationFlow flow, RequestId requestId) {
        return new VerificationFlow(flow.id(), flow.number(), requestId, flow.state(), flow.channel(),
                flow.wrongAttempts(), flow.attemptsRemaining(), flow.createdAt(), flow.updatedAt(),
                flow.stepStartedAt(), flow.expiresAt(), flow.endReason(), flow.version());
    }

    @Test
    void anUnknownIdFindsNothing() {
        store.insert(pendingExpiringAt(NOW.plusSeconds(60)));

        assertThat(store.find(FlowId.random())).isEmpty();
    }

    @Test
    void insertingATakenIdFailsAndKeepsTheFirstFlow() {
        VerificationFlow first = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(first);
        VerificationFlow sameId = nextVersion(first, FlowState.VERIFIED, 0);

        assertThatThrownBy(() -> store.insert(sameId)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(first.id().value());
        assertThat(store.find(first.id())).contains(first);
    }

    @Test
    void anUpdateFromTheStoredVersionReplacesTheFlow() {
        VerificationFlow stored = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(stored);
        VerificationFlow next = nextVersion(stored, FlowState.PENDING, 1);

        assertThat(store.update(next)).isTrue();
        assertThat(store.find(stored.id())).contains(next);
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedAndChangesNothing() {
        VerificationFlow read = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(read);
        VerificationFlow winner = nextVersion(read, FlowState.VERIFIED, 0);
        VerificationFlow loser = nextVersion(read, FlowState.PENDING, 1);
        assertThat(store.update(winner)).isTrue();

        assertThat(store.update(loser)).isFalse();
        assertThat(store.find(read.id())).contains(winner);
    }

    @Test
    void anUpdateThatSkipsAVersionIsRefused() {
        VerificationFlow stored = pendingExpiringAt(NOW.plusSeconds(60));
        store.insert(stored);
        VerificationFlow twoAhead = nextVersion(nextVersion(stored, FlowState.PENDING, 1), FlowState.PENDING, 2);

        assertThat(store.update(twoAhead)).isFalse();
        assertThat(store.find(stored.id())).contains(stored);
    }

    @Test
    void anUpdateOfAnUnknownFlowIsRefusedAndStoresNothing() {
        VerificationFlow neverInserted = pendingExpiringAt(NOW.plusSeconds(60));
        VerificationFlow next = nextVersion(neverInserted, FlowState.PENDING, 1);

        assertThat(store.update(next)).isFalse();
        assertThat(store.find(next.id())).isEmpty();
    }

    @Test
    void pendingDueByListsOnlyPendingFlowsAtOrPastExpiryOldestFirst() {
        VerificationFlow dueNow = pendingExpiringAt(NOW);
        VerificationFlow dueLongAgo = pendingExpiringAt(NOW.minus(Duration.ofMinutes(3)));
        VerificationFlow dueJustBefore = pendingExpiringAt(NOW.minusNanos(1_000));
        VerificationFlow notYetDue = pendingExpiringAt(NOW.plusNanos(1_000));
        VerificationFlow finishedPastExpiry = flow(FlowState.CANCELLED, NOW.minusSeconds(30), NOW.minusSeconds(20));
        for (VerificationFlow flow : List.of(dueNow, notYetDue, dueLongAgo, finishedPastExpiry, dueJustBefore)) {
            store.insert(flow);
        }

        assertThat(store.pendingDueBy(NOW, 10)).containsExactly(dueLongAgo, dueJustBefore, dueNow);
    }

    @Test
    void pendingDueByReturnsAtMostTheLimitTakingTheOldest() {
        List<VerificationFlow> due = new ArrayList<>();
        for (int minutesAgo = 5; minutesAgo >= 1; minutesAgo--) {
            VerificationFlow flow = pendingExpiringAt(NOW.minus(Duration.ofMinutes(minutesAgo)));
            store.insert(flow);
            due.add(flow);
        }

        assertThat(store.pendingDueBy(NOW, 2)).containsExactly(due.get(0), due.get(1));
        assertThat(store.pendingDueBy(NOW, 0)).isEmpty();
    }

    @Test
    void aFlowThatLeavesPendingIsNoLongerDue() {
        VerificationFlow due = pendingExpiringAt(NOW.minusSeconds(5));
        store.insert(due);
        VerificationFlow expired = new VerificationFlow(due.id(), due.number(), due.requestId(), FlowState.EXPIRED,
                due.channel(), due.wrongAttempts(), due.attemptsRemaining(), due.createdAt(), NOW,
                due.stepStartedAt(), due.expiresAt(), Optional.of(EndReason.TIMED_OUT), due.version() + 1);

        assertThat(store.update(expired)).isTrue();
        assertThat(store.pendingDueBy(NOW, 10)).isEmpty();
    }

    @Test
    void purgeFinishedBeforeDropsOnlyFlowsThatEndedBeforeTheCutoff() {
        Instant cutoff = NOW.minus(Duration.ofMinutes(10));
        List<VerificationFlow> endedBeforeCutoff = List.of(
                finishedAt(FlowState.VERIFIED, cutoff.minusSeconds(300)),
                finishedAt(FlowState.FAILED, cutoff.minusSeconds(60)),
                finishedAt(FlowState.EXPIRED, cutoff.minusNanos(1_000)),
                finishedAt(FlowState.CANCELLED, cutoff.minusSeconds(1)));
        VerificationFlow endedAtCutoff = finishedAt(FlowState.VERIFIED, cutoff);
        VerificationFlow endedAfterCutoff = finishedAt(FlowState.FAILED, cutoff.plusSeconds(60));
        VerificationFlow pendingUntouchedSinceBeforeCutoff =
                flow(FlowState.PENDING, cutoff.minusSeconds(120), cutoff.minusSeconds(60));
        endedBeforeCutoff.forEach(store::insert);
        List<VerificationFlow> kept = List.of(endedAtCutoff, endedAfterCutoff, pendingUntouchedSinceBeforeCutoff);
        kept.forEach(store::insert);

        assertThat(store.purgeFinishedBefore(cutoff)).isEqualTo(endedBeforeCutoff.size());

        for (VerificationFlow dropped : endedBeforeCutoff) {
            assertThat(store.find(dropped.id())).isEmpty();
        }
        for (VerificationFlow survivor : kept) {
            assertThat(store.find(survivor.id())).contains(survivor);
        }
        assertThat(store.purgeFinishedBefore(cutoff)).isZero();
    }

    @Test
    void concurrentUpdatesFromOneVersionHaveExactlyOneWinner() throws Exception {
        VerificationFlow stored = pendingExpiringAt(NOW.plusSeconds(600));
        store.insert(stored);
        ExecutorService writers = Executors.newFixedThreadPool(RACING_WRITERS);
        try {
            for (int round = 0; round < RACE_ROUNDS; round++) {
                VerificationFlow read = stored;
                CountDownLatch go = new CountDownLatch(1);
                List<VerificationFlow> candidates = new ArrayList<>();
                List<Future<Boolean>> results = new ArrayList<>();
                for (int writer = 0; writer < RACING_WRITERS; writer++) {
                    VerificationFlow candidate = nextVersion(read, FlowState.PENDING, writer);
                    candidates.add(candidate);
                    Callable<Boolean> race = () -> {
                        go.await();
                        return store.update(candidate);
                    };
                    results.add(writers.submit(race));
                }
                go.countDown();

                List<VerificationFlow> winners = new ArrayList<>();
                for (int writer = 0; writer < RACING_WRITERS; writer++) {
                    if (results.get(writer).get(30, TimeUnit.SECONDS)) {
                        winners.add(candidates.get(writer));
                    }
                }
                assertThat(winners).as("winners of round %d", round).hasSize(1);
                assertThat(store.find(read.id())).contains(winners.get(0));
                stored = winners.get(0);
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(stored.version()).isEqualTo(7 + RACE_ROUNDS);
    }
}
