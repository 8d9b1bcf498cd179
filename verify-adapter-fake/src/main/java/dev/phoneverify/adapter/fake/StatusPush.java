package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.RequestId;
import dev.phoneverify.core.usecase.ProviderUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The status updates a fake pushes (v2 profile): queued under the simulator's lock as they happen, kept per request
 * for testers to read, and handed to the sink later, outside the lock, in the order they happened.
 *
 * <p>Delivery never happens inside a port call. The core calls the gateway while it holds a flow's lock; an update
 * applied there would race the answer it is about (a check's "verified" and the pushed "completed"). Real callbacks
 * arrive after the answer too.
 */
final class StatusPush {
    private final boolean enabled;
    private final Queue<ProviderUpdate> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile Consumer<? super ProviderUpdate> sink = update -> { };
    // Guarded by the simulator's lock.
    private final Map<RequestId, List<Sequenced<ProviderUpdate>>> byRequest = new HashMap<>();
    private long sequence;

    StatusPush(boolean enabled) {
        this.enabled = enabled;
    }

    void sendTo(Consumer<? super ProviderUpdate> newSink) {
        this.sink = Objects.requireNonNull(newSink, "sink");
    }

    /** Queues an update; a profile that does not push keeps nothing. Called under the simulator's lock. */
    void queue(ProviderUpdate update) {
        if (!enabled) {
            return;
        }
        byRequest.computeIfAbsent(update.requestId(), id -> new ArrayList<>(4)).add(new Sequenced<>(sequence++, update));
        pending.add(update);
    }

    /**
     * Hands every queued update to the sink, oldest first; called outside the simulator's lock. One thread
     * delivers at a time, so the order holds; a sink that calls back into the fake adds to the same run instead of
     * starting another. An exception from the sink propagates and leaves the rest queued for the next delivery.
     */
    void deliver() {
        while (!pending.isEmpty() && delivering.compareAndSet(false, true)) {
            try {
                for (ProviderUpdate update = pending.poll(); update != null; update = pending.poll()) {
                    sink.accept(update);
                }
            } finally {
                delivering.set(false);
            }
        }
    }

    /** Every update pushed for requests still retained, oldest first. Called under the simulator's lock. */
    List<ProviderUpdate> all() {
        return Sequenced.inOrder(byRequest.values());
    }

    List<ProviderUpdate> forRequest(RequestId requestId) {
        return byRequest.getOrDefault(requestId, List.of()).stream().map(Sequenced::value).toList();
    }

    /** Forgets a purged request's updates. */
    void drop(RequestId requestId) {
        byRequest.remove(requestId);
    }

    /** Forgets everything, the queue included. */
    void clear() {
        byRequest.clear();
        pending.clear();
    }
}
