package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.EscalatingDelay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimitStore} must do, stated once. A store's test extends this class and builds an empty
 * store in {@link #createStore()}. Instants carry milliseconds and no finer digits, which a SQL {@code timestamp}
 * keeps exactly.
 */
public abstract class RateLimitStoreContract {
    /** Inside a ten-minute window, deliberately not at its start. */
    protected static final Instant NOW = Instant.parse("2031-05-04T10:13:30.123Z");
    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Instant WINDOW_END = Instant.parse("2031-05-04T10:20:00Z");
    private static final EscalatingDelay DELAY =
            new EscalatingDelay(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofHours(1));
    private static final int RACERS = 8;

    private RateLimitStore store;

    /** A store holding no counters and no holds. */
    protected abstract RateLimitStore createStore();

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @Test
    void windowsAreLaidEndToEndFromTheEpoch() {
        assertThat(RateLimitStore.windowStart(NOW, TEN_MINUTES)).isEqualTo(Instant.parse("2031-05-04T10:10:00Z"));
        assertThat(RateLimitStore.windowStart(WINDOW_END, TEN_MINUTES)).isEqualTo(WINDOW_END);
    }

    @Test
    void grantsUpToTheLimitThenRefusesUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(store.tryAcquire("number:1", 3, TEN_MINUTES, NOW.plusSeconds(i)).granted()).isTrue();
        }

        Acquisition fourth = store.tryAcquire("number:1", 3, TEN_MINUTES, NOW.plusSeconds(3));

        assertThat(fourth.granted()).isFalse();
        assertThat(fourth.retryAfter()).isEqualTo(Duration.between(NOW.plusSeconds(3), WINDOW_END));
    }

    @Test
    void aRefusedEventIsNotCounted() {
        store.tryAcquire("k", 1, TEN_MINUTES, NOW);
        for (int i = 0; i < 5; i++) {
            store.tryAcquire("k", 1, TEN_MINUTES, NOW);
        }

        assertThat(store.tryAcquire("k", 2, TEN_MINUTES, NOW).granted()).isTrue();
    }

    @Test
    void aNewWindowStartsAFreshCount() {
        store.tryAcquire("k", 1, TEN_MINUTES, NOW);

        assertThat(store.tryAcquire("k", 1, TEN_MINUTES, WINDOW_END.minusMillis(1)).granted()).isFalse();
        assertThat(store.tryAcquire("k", 1, TEN_MINUTES, WINDOW_END).granted()).isTrue();
    }

    @Test
    void keysCountApart() {
        store.tryAcquire("client:a", 1, TEN_MINUTES, NOW);

        assertThat(store.tryAcquire("client:b", 1, TEN_MINUTES, NOW).granted()).isTrue();
    }

    @Test
    void aFreshKeyIsNotHeld() {
        assertThat(store.heldUntil("resend:1", NOW)).isEmpty();
    }

    @Test
    void holdsGrowByDoublingUpToTheMaximum() {
        assertThat(store.hold("h", DELAY, NOW)).isEqualTo(NOW.plusSeconds(30));
        assertThat(store.hold("h", DELAY, NOW.plusSeconds(30))).isEqualTo(NOW.plusSeconds(30 + 60));
        assertThat(store.hold("h", DELAY, NOW.plusSeconds(90))).isEqualTo(NOW.plusSeconds(90 + 120));
        assertThat(store.hold("h", DELAY, NOW.plusSeconds(210))).isEqualTo(NOW.plusSeconds(210 + 120));
        assertThat(store.heldUntil("h", NOW.plusSeconds(329))).contains(NOW.plusSeconds(330));
        assertThat(store.heldUntil("h", NOW.plusSeconds(330))).isEmpty();
    }

    @Test
    void aHoldIsForgottenOnceQuietForForgetAfter() {
        Instant ended = store.hold("h", DELAY, NOW);
        store.hold("h", DELAY, ended);

        Instant secondEnded = NOW.plusSeconds(90);
        assertThat(store.hold("h", DELAY, secondEnded.plus(Duration.ofHours(1)).minusMillis(1)))
                .isEqualTo(secondEnded.plus(Duration.ofHours(1)).minusMillis(1).plusSeconds(120));
        Instant quietAfter = NOW.plus(Duration.ofDays(1));
        assertThat(store.hold("h", DELAY, quietAfter)).isEqualTo(quietAfter.plusSeconds(30));
    }

    @Test
    void tryPassAndHoldRefusesWhileHeldAndChangesNothing() {
        assertThat(store.tryPassAndHold("h", DELAY, NOW).granted()).isTrue();

        Acquisition early = store.tryPassAndHold("h", DELAY, NOW.plusSeconds(10));

        assertThat(early.granted()).isFalse();
        assertThat(early.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(store.heldUntil("h", NOW.plusSeconds(10))).contains(NOW.plusSeconds(30));
        assertThat(store.tryPassAndHold("h", DELAY, NOW.plusSeconds(30)).granted()).isTrue();
        assertThat(store.heldUntil("h", NOW.plusSeconds(30))).contains(NOW.plusSeconds(90));
    }

    @Test
    void releaseForgetsTheHold() {
        store.hold("h", DELAY, NOW);
        store.hold("h", DELAY, NOW.plusSeconds(30));

        store.release("h");

        assertThat(store.heldUntil("h", NOW.plusSeconds(31))).isEmpty();
        assertThat(store.hold("h", DELAY, NOW.plusSeconds(31))).isEqualTo(NOW.plusSeconds(61));
    }

    @Test
    void admitPassesEveryGateInOrder() {
        List<Gate> gates = List.of(new Gate.Held("failed:1"), new Gate.Counted("client:a", 2, TEN_MINUTES),
                new Gate.Counted("number:1", 1, TEN_MINUTES), new Gate.PassAndHold("resend:1", DELAY));

        assertThat(store.admit(gates, NOW).isAdmitted()).isTrue();

        assertThat(store.heldUntil("resend:1", NOW)).contains(NOW.plusSeconds(30));
        assertThat(store.tryAcquire("number:1", 1, TEN_MINUTES, NOW).granted()).isFalse();
    }

    @Test
    void admitStopsAtTheFirstRefusalAndEarlierGatesKeepTheirCharge() {
        List<Gate> gates = List.of(new Gate.Held("failed:1"), new Gate.Counted("client:a", 2, TEN_MINUTES),
                new Gate.Counted("number:1", 1, TEN_MINUTES), new Gate.PassAndHold("resend:1", DELAY));
        store.admit(gates, NOW);

        Admission second = store.admit(gates, NOW.plusSeconds(40));

        assertThat(second.refusedBy()).isEqualTo(2);
        assertThat(second.retryAfter()).isEqualTo(Duration.between(NOW.plusSeconds(40), WINDOW_END));
        assertThat(store.tryAcquire("client:a", 2, TEN_MINUTES, NOW.plusSeconds(40)).granted())
                .as("the client gate before the refusal counted both starts").isFalse();
        assertThat(store.heldUntil("resend:1", NOW.plusSeconds(40)))
                .as("the cooldown after the refusal was not taken").isEmpty();
    }

    @Test
    void admitRefusedByAHoldChargesNothing() {
        store.hold("failed:1", DELAY, NOW);

        Admission refused = store.admit(List.of(new Gate.Held("failed:1"),
                new Gate.Counted("number:1", 1, TEN_MINUTES)), NOW.plusSeconds(10));

        assertThat(refused.refusedBy()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(store.tryAcquire("number:1", 1, TEN_MINUTES, NOW.plusSeconds(10)).granted()).isTrue();
    }

    @Test
    void admitRefusedByTheCooldownSaysHowLongItLasts() {
        List<Gate> cooldown = List.of(new Gate.PassAndHold("resend:1", DELAY));
        store.admit(cooldown, NOW);

        Admission refused = store.admit(cooldown, NOW.plusSeconds(5));

        assertThat(refused.refusedBy()).isZero();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(25));
        assertThat(store.heldUntil("resend:1", NOW.plusSeconds(5))).contains(NOW.plusSeconds(30));
    }

    @Test
    void racingAdmissionsNeverExceedTheLimit() throws Exception {
        List<Gate> gates = List.of(new Gate.Counted("k", 3, TEN_MINUTES));

        List<Boolean> answers = race(() -> store.admit(gates, NOW).isAdmitted());

        assertThat(answers).filteredOn(granted -> granted).hasSize(3);
    }

    @Test
    void racingAcquirersNeverExceedTheLimit() throws Exception {
        List<Boolean> answers = race(() -> store.tryAcquire("k", 3, TEN_MINUTES, NOW).granted());

        assertThat(answers).filteredOn(granted -> granted).hasSize(3);
    }

    @Test
    void ofRacingPassersAtMostOnePasses() throws Exception {
        List<Boolean> answers = race(() -> store.tryPassAndHold("h", DELAY, NOW).granted());

        assertThat(answers).filteredOn(granted -> granted).hasSize(1);
    }

    private static List<Boolean> race(Callable<Boolean> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> future : futures) {
                answers.add(future.get(10, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
