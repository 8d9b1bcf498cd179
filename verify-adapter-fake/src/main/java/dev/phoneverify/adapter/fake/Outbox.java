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
 * Every message the fake delivered and still retains, oldest first, filed twice: by the request's number (emails
 * of the request included, as the port's users read it) and by the address it went to (as v2's {@code to} names
 * it). Not thread-safe: used only under the simulator's lock.
 */
final class Outbox {
    private final Map<PhoneNumber, Deque<Sequenced<DeliveredMessage>>> byNumber = new HashMap<>();
    private final Map<String, Deque<Sequenced<DeliveredMessage>>> byAddress = new HashMap<>();
    private long sequence;

    void add(DeliveredMessage message) {
        Sequenced<DeliveredMessage> entry = new Sequenced<>(sequence++, message);
        // Most numbers get one message per request; a default-sized deque would be mostly empty memory.
        message.phoneNumber().ifPresent(number ->
                byNumber.computeIfAbsent(number, key -> new ArrayDeque<>(1)).addLast(entry));
        byAddress.computeIfAbsent(PlannedStart.key(message.to()), key -> new ArrayDeque<>(1)).addLast(entry);
    }

    /** Every message, oldest first. */
    List<DeliveredMessage> all() {
        return Sequenced.inOrder(byAddress.values());
    }

    List<DeliveredMessage> forNumber(PhoneNumber number) {
        return values(byNumber.get(number));
    }

    /** The messages sent to {@code address}: phone digits (a leading {@code +} is ignored) or an email address. */
    List<DeliveredMessage> forAddress(String address) {
        return values(byAddress.get(PlannedStart.key(address)));
    }

    /** The newest message of a request to {@code number}. */
    Optional<DeliveredMessage> last(PhoneNumber number) {
        Deque<Sequenced<DeliveredMessage>> sent = byNumber.get(number);
        return sent == null ? Optional.empty() : Optional.ofNullable(sent.peekLast()).map(Sequenced::value);
    }

    /** Drops the messages of a purged request. */
    void drop(SimulatedRequest request) {
        request.number().ifPresent(number -> drop(byNumber, number, request.id()));
        for (String address : request.addresses()) {
            drop(byAddress, address, request.id());
        }
    }

    void clear() {
        byNumber.clear();
        byAddress.clear();
    }

    private static List<DeliveredMessage> values(Deque<Sequenced<DeliveredMessage>> sent) {
        return sent == null ? List.of() : sent.stream().map(Sequenced::value).toList();
    }

    /**
     * Not only the oldest: a number a port start names without sending to it (an email-only workflow) may hold the
     * messages of requests in flight together, which finish in any order.
     */
    private static <K> void drop(Map<K, Deque<Sequenced<DeliveredMessage>>> index, K key, RequestId requestId) {
        Deque<Sequenced<DeliveredMessage>> sent = index.get(key);
        if (sent == null) {
            return;
        }
        sent.removeIf(entry -> entry.value().requestId().equals(requestId));
        if (sent.isEmpty()) {
            index.remove(key);
        }
    }
}
