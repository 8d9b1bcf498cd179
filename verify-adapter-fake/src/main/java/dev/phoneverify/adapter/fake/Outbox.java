package dev.phoneverify.adapter.fake;

import dev.phoneverify.core.domain.PhoneNumber;
import dev.phoneverify.core.domain.RequestId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every message the fake delivered and still retains, filed by number, oldest first. Not thread-safe: used only
 * under the simulator's lock.
 */
final class Outbox {
    private final Map<PhoneNumber, Deque<Sequenced<DeliveredMessage>>> byNumber = new HashMap<>();
    private long sequence;

    void add(DeliveredMessage message) {
        // Most numbers get one message per request; a default-sized deque would be mostly empty memory.
        byNumber.computeIfAbsent(message.number(), number -> new ArrayDeque<>(1)).addLast(new Sequenced<>(sequence++, message));
    }

    /** Every message, oldest first. */
    List<DeliveredMessage> all() {
        return Sequenced.inOrder(byNumber.values());
    }

    List<DeliveredMessage> forNumber(PhoneNumber number) {
        Deque<Sequenced<DeliveredMessage>> sent = byNumber.get(number);
        return sent == null ? List.of() : sent.stream().map(Sequenced::value).toList();
    }

    /** The newest message to {@code number}. */
    Optional<DeliveredMessage> last(PhoneNumber number) {
        Deque<Sequenced<DeliveredMessage>> sent = byNumber.get(number);
        return sent == null ? Optional.empty() : Optional.ofNullable(sent.peekLast()).map(Sequenced::value);
    }

    /**
     * Drops the messages of a purged request. A number has one request in flight at a time and requests are purged
     * in the order they finished, so its messages are the oldest of its number.
     */
    void drop(PhoneNumber number, RequestId requestId) {
        Deque<Sequenced<DeliveredMessage>> sent = byNumber.get(number);
        while (sent != null && !sent.isEmpty() && sent.peekFirst().value().requestId().equals(requestId)) {
            sent.pollFirst();
        }
        if (sent != null && sent.isEmpty()) {
            byNumber.remove(number);
        }
    }

    void clear() {
        byNumber.clear();
    }
}
