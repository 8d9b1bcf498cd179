package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TokenReplayStore} must do, stated once. A store's test extends this class and builds an empty
 * store in {@link #createStore()}.
 */
public abstract class TokenReplayStoreContract {
    protected static final Instant NOW = Instant.parse("2031-05-04T10:13:30.123Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int RACERS = 8;

    private TokenReplayStore store;

    /** A store that remembers no id. */
    protected abstract TokenReplayStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void anIdIsNewOnceThenSeenUntilItsTimePasses() {
        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW)).isTrue();

        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW.plusSeconds(1))).isFalse();
        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW.plus(WINDOW).minusMillis(1))).isFalse();
        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW).plus(WINDOW), NOW.plus(WINDOW))).isTrue();
    }

    @Test
    void idsAreRememberedApart() {
        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW)).isTrue();

        assertThat(store.rememberIfNew("jti-2", NOW.plus(WINDOW), NOW)).isTrue();
        assertThat(store.rememberIfNew("JTI-1", NOW.plus(WINDOW), NOW)).isTrue();
    }

    @Test
    void aForgottenIdIsNewAgain() {
        store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW);

        store.forget("jti-1");
        store.forget("never-seen");

        assertThat(store.rememberIfNew("jti-1", NOW.plus(WINDOW), NOW.plusSeconds(1))).isTrue();
    }

    @Test
    void purgeDropsOnlyIdsWhoseTimeHasPassed() {
        store.rememberIfNew("old", NOW.plusSeconds(10), NOW);
        store.rememberIfNew("live", NOW.plus(WINDOW), NOW);

        assertThat(store.purgeExpired(NOW.plusSeconds(10))).isEqualTo(1);

        assertThat(store.rememberIfNew("live", NOW.plus(WINDOW), NOW.plusSeconds(11))).isFalse();
        assertThat(store.purgeExpired(NOW.plusSeconds(11))).isZero();
    }

    @Test
    void aLongIdIsKept() {
        String longest = "j".repeat(TokenReplayStore.MAX_ID_LENGTH);

        assertThat(store.rememberIfNew(longest, NOW.plus(WINDOW), NOW)).isTrue();
        assertThat(store.rememberIfNew(longest, NOW.plus(WINDOW), NOW)).isFalse();
    }

    @Test
    void ofRacingCallersWithOneIdExactlyOneGetsIn() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                racers.add(pool.submit(() -> {
                    go.await();
                    return store.rememberIfNew("contested", NOW.plus(WINDOW), NOW);
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> racer : racers) {
                winners += racer.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
