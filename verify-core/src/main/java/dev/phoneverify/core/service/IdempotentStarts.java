package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.IdempotencyKey;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.port.IdempotencyStore;
import dev.phoneverify.core.port.IdempotencyStore.Claim;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.StartCommand;
import dev.phoneverify.core.usecase.StartResult;
import dev.phoneverify.core.usecase.StartVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: start, honouring the command's idempotency key (the IETF {@code Idempotency-Key} draft) around the
 * plain start. The key is claimed in the {@link IdempotencyStore} before anything is sent, so of several starts
 * with one key only one reaches the provider, on any instance sharing the store:
 * <ul>
 *   <li>the same key with the same request answers the verification the first start began, as it is now;</li>
 *   <li>the same key with another request is refused ({@link Refusal.KeyConflict#REUSED});</li>
 *   <li>a retry while the first start runs waits for it, up to a bound, then is refused
 *       ({@link Refusal.KeyConflict#IN_PROGRESS}); it never sends a second code.</li>
 * </ul>
 * A start that began no flow (refused, or failed) gives the key up, so a retry with it runs again; a retry after a
 * lost answer is then adopted by the plain start, as without a key.
 */
final class IdempotentStarts implements StartVerification {
    /** A claim older than this whose start never finished (its instance stopped) is taken over. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(2);
    private static final System.Logger LOG = System.getLogger(IdempotentStarts.class.getName());
    private static final long FIRST_PAUSE_MILLIS = 5;
    private static final long LONGEST_PAUSE_MILLIS = 100;

    private final StartVerification starts;
    private final Optional<IdempotencyStore> keys;
    private final FlowStore flows;
    private final Clock clock;
    private final Duration wait;

    /** @param wait how long a retry waits for a start with its key that is still running */
    IdempotentStarts(StartVerification starts, Optional<IdempotencyStore> keys, FlowStore flows, Clock clock,
                     Duration wait) {
        this.starts = Objects.requireNonNull(starts, "starts");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.wait = Objects.requireNonNull(wait, "wait");
    }

    @Override
    public StartResult start(StartCommand command) {
        if (command.idempotencyKey().isEmpty()) {
            return starts.start(command);
        }
        IdempotencyStore store = keys.orElseThrow(() -> new IllegalStateException(
                "a start with an idempotency key needs Verifications.builder().idempotencyKeys(...)"));
        IdempotencyKey key = command.idempotencyKey().get();
        String fingerprint = StartFingerprint.of(command);
        // Waiting is real time, whatever the injected clock says.
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_PAUSE_MILLIS;
        while (true) {
            Instant now = clock.instant();
            Claim claim = store.claim(key, fingerprint, now, now.minus(CLAIM_LEASE));
            if (claim instanceof Claim.Claimed) {
                return startHolding(store, key, command);
            }
            if (claim instanceof Claim.Completed done) {
                return done.fingerprint().equals(fingerprint) ? startedBefore(done, command)
                        : conflict(Refusal.KeyConflict.REUSED);
            }
            Claim.Running running = (Claim.Running) claim;
            if (!running.fingerprint().equals(fingerprint)) {
                return conflict(Refusal.KeyConflict.REUSED);
            }
            if (System.nanoTime() - deadline >= 0 || !pause(pause)) {
                return conflict(Refusal.KeyConflict.IN_PROGRESS);
            }
            pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
        }
    }

    private StartResult startHolding(IdempotencyStore store, IdempotencyKey key, StartCommand command) {
        StartResult result;
        try {
            result = starts.start(command);
        } catch (RuntimeException | Error failure) {
            try {
                store.release(key);
            } catch (RuntimeException releaseFailed) {
                // The claim then lapses after CLAIM_LEASE; the start's own failure is what the caller must see.
                failure.addSuppressed(releaseFailed);
            }
            throw failure;
        }
        if (result instanceof StartResult.Started started) {
            try {
                store.complete(key, started.flow().id());
            } catch (RuntimeException notRecorded) {
                // The code went out and the flow is stored: that is the answer. Until the claim lapses, retries
                // with this key wait and are refused as in progress; none sends a second code.
                LOG.log(System.Logger.Level.WARNING, "verification {0} started, but its idempotency key could not"
                        + " be recorded: {1}", started.flow().id(), notRecorded.toString());
            }
        } else {
            store.release(key);
        }
        return result;
    }

    /** The verification the first start with this key began, as it is now. */
    private StartResult startedBefore(Claim.Completed done, StartCommand command) {
        Optional<VerificationFlow> flow = flows.find(done.flow());
        if (flow.isPresent()) {
            return new StartResult.Started(flow.get());
        }
        // The flow was purged after its retention, and the key outlived it briefly: it no longer stands for one.
        return starts.start(command);
    }

    private static StartResult conflict(Refusal.KeyConflict conflict) {
        return new StartResult.Refused(new Refusal.IdempotencyKeyConflict(conflict));
    }

    /** False when interrupted, with the flag kept for the caller. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
