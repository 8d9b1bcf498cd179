package dev.phoneverify.core.service;

import dev.phoneverify.core.domain.EndReason;
import dev.phoneverify.core.domain.FlowId;
import dev.phoneverify.core.domain.VerificationFlow;
import dev.phoneverify.core.port.Booked;
import dev.phoneverify.core.port.Bookkeeping;
import dev.phoneverify.core.port.FlowStore;
import dev.phoneverify.core.usecase.Refusal;
import dev.phoneverify.core.usecase.VerificationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one owner of a flow's transaction, which every use case goes through: the lock per flow, load and expire,
 * the conditional save that re-applies a transition to a fresh copy when another writer (another app instance)
 * got there first, and the events, published once the lock is released so a slow listener never holds up other
 * commands on the flow.
 */
final class FlowTransactions {
    private static final int LOCK_STRIPES = 256;
    private static final int MAX_UPDATE_RETRIES = 16;

    private final FlowStore store;
    private final Clock clock;
    private final EventPublisher publisher;
    private final AbuseGuard abuseGuard;
    private final ReentrantLock[] stripes = new ReentrantLock[LOCK_STRIPES];

    FlowTransactions(FlowStore store, Clock clock, EventPublisher publisher, AbuseGuard abuseGuard) {
        this.store = store;
        this.clock = clock;
        this.publisher = publisher;
        this.abuseGuard = abuseGuard;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** A command on one pending flow, run under its lock. */
    interface PendingFlowCommand<R> {
        R run(VerificationFlow pending, Transaction transaction);
    }

    /** A command on one flow in whatever state, run under its lock. */
    interface FlowCommand<R> {
        R run(VerificationFlow flow, Transaction transaction);
    }

    /**
     * Runs {@code command} on the pending flow {@code id}. A missing or finished flow, or one another writer ends
     * while the command runs, is answered through {@code refuse} without running the command.
     */
    <R> R onPendingFlow(FlowId id, Function<Refusal, R> refuse, PendingFlowCommand<R> command) {
        return onFlow(id, () -> refuse.apply(new Refusal.FlowNotFound(id)),
                ended -> refuse.apply(new Refusal.FlowFinished(ended)),
                (flow, transaction) -> flow.isTerminal()
                        ? refuse.apply(new Refusal.FlowFinished(flow))
                        : command.run(flow, transaction));
    }

    /**
     * Runs {@code command} on flow {@code id}, expired first if its time has passed.
     *
     * @param missing        the answer when no flow has the id
     * @param endedElsewhere the answer when another writer ended the flow while the command ran
     */
    <R> R onFlow(FlowId id, Supplier<R> missing, Function<VerificationFlow, R> endedElsewhere, FlowCommand<R> command) {
        Transaction transaction = new Transaction();
        ReentrantLock lock = stripes[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            Optional<VerificationFlow> found = store.find(id);
            if (found.isEmpty()) {
                return missing.get();
            }
            return command.run(transaction.expireIfDue(found.get()), transaction);
        } catch (EndedElsewhere e) {
            return endedElsewhere.apply(e.flow);
        } finally {
            lock.unlock();
            publisher.publish(transaction.events, transaction.settlements);
        }
    }

    /** The flow {@code id}, expired first if its time has passed. */
    Optional<VerificationFlow> read(FlowId id) {
        return onFlow(id, Optional::empty, Optional::of, (flow, transaction) -> Optional.of(flow));
    }

    /** Expires flow {@code id} if its time has passed; true when this call expired it. */
    boolean expireIfDue(FlowId id) {
        return onFlow(id, () -> false, ended -> false, (flow, transaction) -> !transaction.events.isEmpty());
    }

    /** The changes one command makes to one flow, and the events they cause. */
    final class Transaction {
        private final List<VerificationEvent> events = new ArrayList<>(2);
        private final List<AbuseGuard.Settlement> settlements = new ArrayList<>(1);

        /** The store's clock reading, for the transition being made. */
        Instant now() {
            return clock.instant();
        }

        /** Emits an event about {@code flow}, delivered once the lock is released. */
        void emit(VerificationEvent.Kind kind, VerificationFlow flow) {
            events.add(new VerificationEvent(kind, flow, clock.instant()));
        }

        /** Emits the event of a flow that just ended. */
        void emitEnded(VerificationFlow flow) {
            events.add(VerificationEvent.ended(flow, clock.instant()));
        }

        /**
         * Stores {@code transition(read)}. If another writer changed the flow first, the transition is applied to
         * the fresh copy instead; if that writer ended the flow, its result stands and the command is over, so a
         * verification is reported as won exactly once.
         *
         * @return the flow as stored, and whether this call changed it (a transition may leave a fresh copy as it is)
         */
        Write save(VerificationFlow read, UnaryOperator<VerificationFlow> transition) {
            VerificationFlow current = read;
            for (int attempt = 0; attempt < MAX_UPDATE_RETRIES; attempt++) {
                VerificationFlow next = transition.apply(current);
                if (next == current) {
                    return new Write(current, false);
                }
                if (write(current, next)) {
                    return new Write(next, true);
                }
                FlowId id = current.id();
                current = store.find(id).orElseThrow(() -> new IllegalStateException(
                        "flow " + id + " was purged while a command ran on it"));
                if (current.isTerminal()) {
                    throw new EndedElsewhere(current);
                }
            }
            throw new IllegalStateException("flow " + read.id() + " kept changing under us; giving up after "
                    + MAX_UPDATE_RETRIES + " tries");
        }

        /**
         * The conditional update of {@code read} to {@code next}, with the books of the flow ending there (a
         * verification or a failure) in the same store call; true when it wrote.
         */
        private boolean write(VerificationFlow read, VerificationFlow next) {
            if (read.isTerminal() || !next.isTerminal()) {
                return store.update(next);
            }
            Instant at = clock.instant();
            Bookkeeping books = abuseGuard.booksFor(VerificationEvent.ended(next, at).kind(), next, at);
            if (books.isEmpty()) {
                return store.update(next);
            }
            Optional<Booked> booked = store.update(next, books);
            booked.ifPresent(kept -> settlements.add(new AbuseGuard.Settlement(books, kept, next.number(), at)));
            return booked.isPresent();
        }

        /** Stores a transition that always changes a pending flow. */
        VerificationFlow change(VerificationFlow read, UnaryOperator<VerificationFlow> transition) {
            return save(read, transition).flow();
        }

        /** Expires the flow if its time has passed and emits the expiry; another writer's ending stands. */
        VerificationFlow expireIfDue(VerificationFlow flow) {
            Instant now = clock.instant();
            if (!flow.isDueToExpire(now)) {
                return flow;
            }
            try {
                Write write = save(flow, current -> current.isDueToExpire(now)
                        ? current.ended(EndReason.TIMED_OUT, now) : current);
                if (write.changed()) {
                    emitEnded(write.flow());
                }
                return write.flow();
            } catch (EndedElsewhere e) {
                return e.flow;
            }
        }
    }

    /** What a save left in the store. */
    record Write(VerificationFlow flow, boolean changed) {
    }

    /** Another writer ended the flow while a command ran; unwinds to the command's refusal. */
    private static final class EndedElsewhere extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient VerificationFlow flow;

        EndedElsewhere(VerificationFlow flow) {
            super(null, null, false, false);
            this.flow = flow;
        }
    }
}
