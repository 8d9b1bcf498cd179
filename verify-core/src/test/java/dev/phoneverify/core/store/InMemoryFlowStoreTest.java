package dev.phoneverify.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phoneverify.core.domain.Channel;
import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.domain.VerificationPolicy;
import dev.phoneverify.core.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InMemoryFlowStoreTest {
    private static final VerificationPolicy POLICY = VerificationPolicy.defaults();
    private static final Duration RETENTION = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock();
    private final InMemoryFlowStore store = new InMemoryFlowStore(clock, RETENTION);

    /** A pending flow started now whose request ends {@code lifetime} from now. */
    private VerificationFlow pendingFor(Duration lifetime) {
        Instant now = clock.instant();
        return VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900000"), new RequestId("req-1"),
                Channel.SMS, now, now.plus(lifetime), POLICY);
    }

    @Test
    void findsWhatWasInserted() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));

        store.insert(flow);

        assertThat(store.find(flow.id())).contains(flow);
        assertThat(store.find(FlowId.random())).isEmpty();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void refusesASecondFlowWithTheSameId() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));
        store.insert(flow);

        assertThatThrownBy(() -> store.insert(flow)).isInstanceOf(IllegalStateException.class)
                .hasMessage("a flow with id " + flow.id() + " already exists");
    }

    @Test
    void updatesTheNextVersion() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));
        store.insert(flow);
        VerificationFlow next = flow.wrongCode(clock.instant(), OptionalInt.empty(), POLICY);

        assertThat(store.update(next)).isTrue();
        assertThat(store.find(flow.id())).contains(next);
    }

    @Test
    void refusesAStaleUpdateAndKeepsTheWinner() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));
        store.insert(flow);
        VerificationFlow winner = flow.ended(EndReason.CODE_VERIFIED, clock.instant());
        VerificationFlow loser = flow.wrongCode(clock.instant(), OptionalInt.empty(), POLICY);
        store.update(winner);

        assertThat(store.update(loser)).isFalse();
        assertThat(store.update(winner)).isFalse();
        assertThat(store.find(flow.id())).contains(winner);
    }

    @Test
    void refusesAnUpdateOfAFlowItDoesNotHold() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));

        assertThat(store.update(flow.ended(EndReason.CODE_VERIFIED, clock.instant()))).isFalse();
        assertThat(store.find(flow.id())).isEmpty();
    }

    @Test
    void pendingDueByReturnsOnlyDuePendingFlowsOldestFirst() {
        VerificationFlow dueSecond = pendingFor(Duration.ofMinutes(2));
        VerificationFlow dueFirst = pendingFor(Duration.ofMinutes(1));
        VerificationFlow dueExactlyNow = pendingFor(Duration.ofMinutes(3));
        VerificationFlow notYetDue = pendingFor(Duration.ofMinutes(4));
        VerificationFlow finished = pendingFor(Duration.ofMinutes(1));
        for (VerificationFlow flow : List.of(dueSecond, dueFirst, dueExactlyNow, notYetDue, finished)) {
            store.insert(flow);
        }
        store.update(finished.ended(EndReason.CANCELLED_ON_REQUEST, clock.instant()));

        List<VerificationFlow> due = store.pendingDueBy(clock.instant().plus(Duration.ofMinutes(3)), 10);

        assertThat(due).containsExactly(dueFirst, dueSecond, dueExactlyNow);
    }

    @Test
    void pendingDueByStopsAtTheLimit() {
        VerificationFlow first = pendingFor(Duration.ofMinutes(1));
        VerificationFlow second = pendingFor(Duration.ofMinutes(2));
        store.insert(second);
        store.insert(first);

        assertThat(store.pendingDueBy(clock.instant().plus(Duration.ofHours(1)), 1)).containsExactly(first);
        assertThat(store.pendingDueBy(clock.instant().plus(Duration.ofHours(1)), 0)).isEmpty();
    }

    @Test
    void pendingDueByFollowsAnExpiryMovedByAnAdvance() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(2));
        store.insert(flow);
        store.update(flow.advanced(Channel.VOICE, clock.instant().plus(Duration.ofMinutes(6)), clock.instant(), POLICY));

        assertThat(store.pendingDueBy(clock.instant().plus(Duration.ofMinutes(5)), 10)).isEmpty();
        assertThat(store.pendingDueBy(clock.instant().plus(Duration.ofMinutes(6)), 10)).hasSize(1);
    }

    @Test
    void finishedFlowsAreDroppedByALaterWriteOnceTheRetentionHasPassed() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(5));
        store.insert(flow);
        store.update(flow.ended(EndReason.CODE_VERIFIED, clock.instant()));

        clock.advance(RETENTION);
        store.insert(pendingFor(Duration.ofMinutes(5)));
        assertThat(store.find(flow.id())).as("kept for exactly the retention").isPresent();

        clock.advance(Duration.ofMillis(1));
        store.insert(pendingFor(Duration.ofMinutes(5)));
        assertThat(store.find(flow.id())).isEmpty();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void aFlowDroppedAfterTheRetentionIsNoLongerFoundByItsRequestId() {
        VerificationFlow flow = VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900000"),
                new RequestId("req-dropped"), Channel.SMS, clock.instant(), clock.instant().plusSeconds(300), POLICY);
        store.insert(flow);
        store.update(flow.ended(EndReason.CODE_VERIFIED, clock.instant()));
        assertThat(store.findByRequestId(flow.requestId())).isPresent();

        clock.advance(RETENTION.plusMillis(1));
        store.insert(pendingFor(Duration.ofMinutes(5)));

        assertThat(store.find(flow.id())).isEmpty();
        assertThat(store.findByRequestId(flow.requestId())).isEmpty();
    }

    @Test
    void aRequestIdStartedAgainFindsTheNewerFlowAndDroppingTheOlderOneKeepsIt() {
        Instant now = clock.instant();
        RequestId shared = new RequestId("req-adopted");
        VerificationFlow older = VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900000"), shared,
                Channel.SMS, now, now.plusSeconds(300), POLICY);
        store.insert(older);
        store.update(older.ended(EndReason.UNKNOWN_TO_PROVIDER, now));
        clock.advance(Duration.ofMinutes(1));
        VerificationFlow newer = VerificationFlow.started(FlowId.random(), PhoneNumber.parse("+447700900000"), shared,
                Channel.SMS, clock.instant(), clock.instant().plusSeconds(300), POLICY);
        store.insert(newer);

        assertThat(store.findByRequestId(shared)).contains(newer);
        store.purgeFinishedBefore(clock.instant());
        assertThat(store.find(older.id())).isEmpty();
        assertThat(store.findByRequestId(shared)).contains(newer);
    }

    @Test
    void pendingFlowsNobodyExpiredAreDroppedOnceTheRetentionAfterTheirExpiryHasPassed() {
        VerificationFlow forgotten = pendingFor(Duration.ofMinutes(5));
        store.insert(forgotten);

        clock.advance(Duration.ofMinutes(5).plus(RETENTION).plusMillis(1));
        store.insert(pendingFor(Duration.ofMinutes(5)));

        assertThat(store.find(forgotten.id())).isEmpty();
    }

    @Test
    void pendingFlowsAreKeptWhileTheirRequestLasts() {
        VerificationFlow flow = pendingFor(Duration.ofMinutes(10));
        store.insert(flow);

        clock.advance(Duration.ofMinutes(35));
        store.insert(pendingFor(Duration.ofMinutes(5)));

        assertThat(store.find(flow.id())).contains(flow);
    }

    @Test
    void purgeFinishedBeforeDropsOnlyFlowsThatEndedBeforeTheCutoff() {
        VerificationFlow early = pendingFor(Duration.ofMinutes(5));
        VerificationFlow late = pendingFor(Duration.ofMinutes(5));
        VerificationFlow pending = pendingFor(Duration.ofMinutes(5));
        store.insert(early);
        store.insert(late);
        store.insert(pending);
        store.update(early.ended(EndReason.CANCELLED_ON_REQUEST, clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        store.update(late.ended(EndReason.CODE_VERIFIED, clock.instant()));

        int dropped = store.purgeFinishedBefore(clock.instant());

        assertThat(dropped).isEqualTo(1);
        assertThat(store.find(early.id())).isEmpty();
        assertThat(store.find(late.id())).isPresent();
        assertThat(store.find(pending.id())).contains(pending);
    }

    @Test
    void refusesANegativeRetention() {
        assertThatThrownBy(() -> new InMemoryFlowStore(clock, Duration.ofSeconds(-1)))
                .hasMessage("retention cannot be negative");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void concurrentInsertsAndUpdatesLoseNothing() throws Exception {
        int threads = 8;
        int flowsPerThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            VerificationFlow shared = pendingFor(Duration.ofMinutes(5));
            store.insert(shared);
            AtomicInteger sharedWins = new AtomicInteger();
            CyclicBarrier together = new CyclicBarrier(threads);
            List<Future<List<VerificationFlow>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    List<VerificationFlow> mine = new ArrayList<>();
                    for (int i = 0; i < flowsPerThread; i++) {
                        VerificationFlow flow = pendingFor(Duration.ofMinutes(1 + i % 7));
                        store.insert(flow);
                        VerificationFlow next = flow.wrongCode(clock.instant(), OptionalInt.empty(), POLICY);
                        assertThat(store.update(next)).isTrue();
                        mine.add(next);
                        VerificationFlow current = store.find(shared.id()).orElseThrow();
                        if (current.isTerminal()) {
                            continue;
                        }
                        if (store.update(current.advanced(Channel.VOICE, current.expiresAt(), clock.instant(), POLICY))) {
                            sharedWins.incrementAndGet();
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<VerificationFlow>> result : results) {
                for (VerificationFlow flow : result.get(15, TimeUnit.SECONDS)) {
                    assertThat(store.find(flow.id())).contains(flow);
                }
            }
            assertThat(store.size()).isEqualTo(threads * flowsPerThread + 1);
            assertThat(store.find(shared.id()).orElseThrow().version()).isEqualTo(sharedWins.get());
            assertThat(store.pendingDueBy(clock.instant().plus(Duration.ofHours(1)), Integer.MAX_VALUE))
                    .hasSize(threads * flowsPerThread + 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
