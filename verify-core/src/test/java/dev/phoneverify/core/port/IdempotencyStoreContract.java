package dev.phoneverify.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.port.IdempotencyStore.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} must do, stated once. A store's test extends this class, builds an empty store
 * in {@link #createStore()} and, where keys refer to stored flows, stores one in {@link #storedFlow()}. Instants carry
 * milliseconds and no finer digits, which a SQL {@code timestamp} keeps exactly.
 */
public abstract class IdempotencyStoreContract {
    /** Near the test's clock, whatever store retention applies to it. */
    protected static final Instant NOW = Instant.parse("2031-05-04T10:13:30.123Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int RACERS = 8;

    private IdempotencyStore store;
    private final ExecutorService pool = Executors.newFixedThreadPool(RACERS);

    /** A store holding no keys. */
    protected abstract IdempotencyStore createStore();

    /** The id of a flow kept where the store's keys may refer to it. */
    protected FlowId storedFlow() {
        return FlowId.random();
    }

    @BeforeEach
    void setUpStore() {
        store = createStore();
    }

    @AfterEach
    void stopRacers() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    protected IdempotencyStore store() {
        return store;
    }

    protected static IdempotencyKey freshKey() {
        return new IdempotencyKey("key-" + UUID.randomUUID());
    }

    private Claim claim(IdempotencyKey key, String fingerprint, Instant now) {
        return store.claim(key, fingerprint, now, now.minus(LEASE));
    }

    @Test
    void aNewKeyIsClaimedAndASecondClaimSeesItRunningWithItsFingerprint() {
        IdempotencyKey key = freshKey();

        assertThat(claim(key, "fp-1", NOW)).isEqualTo(new Claim.Claimed());
        assertThat(claim(key, "fp-2", NOW.plusSeconds(1))).isEqualTo(new Claim.Running("fp-1"));
    }

    @Test
    void aCompletedKeyNamesItsFlowToEveryLaterClaim() {
        IdempotencyKey key = freshKey();
        FlowId flow = storedFlow();
        claim(key, "fp-1", NOW);

        store.complete(key, flow);

        assertThat(claim(key, "fp-1", NOW.plusSeconds(1))).isEqualTo(new Claim.Completed("fp-1", flow));
        assertThat(claim(key, "fp-2", NOW.plus(LEASE).plusSeconds(1))).isEqualTo(new Claim.Completed("fp-1", flow));
    }

    @Test
    void aReleasedKeyCanBeClaimedAgainWithAnyFingerprint() {
        IdempotencyKey key = freshKey();
        claim(key, "fp-1", NOW);

        store.release(key);

        assertThat(claim(key, "fp-2", NOW.plusSeconds(1))).isEqualTo(new Claim.Claimed());
        assertThat(claim(key, "fp-3", NOW.plusSeconds(2))).isEqualTo(new Claim.Running("fp-2"));
    }

    @Test
    void releasingACompletedKeyKeepsIt() {
        IdempotencyKey key = freshKey();
        FlowId flow = storedFlow();
        claim(key, "fp-1", NOW);
        store.complete(key, flow);

        store.release(key);

        assertThat(claim(key, "fp-1", NOW.plusSeconds(1))).isEqualTo(new Claim.Completed("fp-1", flow));
    }

    @Test
    void aClaimThatNeverCompletedIsTakenOverOnceStale() {
        IdempotencyKey key = freshKey();
        claim(key, "fp-1", NOW);

        assertThat(claim(key, "fp-2", NOW.plus(LEASE).minusSeconds(1))).isEqualTo(new Claim.Running("fp-1"));
        assertThat(claim(key, "fp-2", NOW.plus(LEASE).plusSeconds(1))).isEqualTo(new Claim.Claimed());
    }

    @Test
    void keysAreIndependent() {
        IdempotencyKey first = freshKey();
        IdempotencyKey second = freshKey();

        assertThat(claim(first, "fp", NOW)).isEqualTo(new Claim.Claimed());
        assertThat(claim(second, "fp", NOW)).isEqualTo(new Claim.Claimed());
    }

    @Test
    void ofManyRacingClaimsOfOneKeyExactlyOneWins() throws Exception {
        IdempotencyKey key = freshKey();
        CyclicBarrier start = new CyclicBarrier(RACERS);
        List<Future<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            Callable<Claim> racer = () -> {
                start.await(5, TimeUnit.SECONDS);
                return claim(key, "fp", NOW);
            };
            claims.add(pool.submit(racer));
        }

        List<Claim> answers = new ArrayList<>();
        for (Future<Claim> claim : claims) {
            answers.add(claim.get(10, TimeUnit.SECONDS));
        }

        assertThat(answers).filteredOn(Claim.Claimed.class::isInstance).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.equals(new Claim.Running("fp"))).hasSize(RACERS - 1);
    }

    @Test
    void theLongestKeyIsKeptWhole() {
        IdempotencyKey longest = new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH - 1) + "!");
        IdempotencyKey other = new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH - 1) + "?");
        claim(longest, "fp-1", NOW);

        assertThat(claim(other, "fp-2", NOW)).isEqualTo(new Claim.Claimed());
        assertThat(claim(longest, "fp-3", NOW)).isEqualTo(new Claim.Running("fp-1"));
    }
}
