package dev.phoneverify.adapter.fake;

import java.time.Instant;
import java.util.Arrays;

/**
 * The requests in progress ordered by when their next event or expiry is due, soonest first; ties go to the one
 * scheduled first. Not thread-safe: used only under the owning {@link FakeVerificationGateway}'s lock.
 *
 * <p>A binary heap in which every request remembers its own slot, so a request that finishes or is rescheduled
 * leaves or moves in O(log n). A plain {@code PriorityQueue} cannot remove in less than O(n), and leaving finished
 * requests in it until their old due time held every finished request, its messages and its checks in memory for
 * minutes after the fake had let it go.
 */
final class Timeline {
    private static final int INITIAL_CAPACITY = 64;

    private SimulatedRequest[] heap = new SimulatedRequest[INITIAL_CAPACITY];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** The request due soonest, or null when none is scheduled. */
    SimulatedRequest peek() {
        return size == 0 ? null : heap[0];
    }

    /** Takes the request due soonest off the timeline; null when none is scheduled. */
    SimulatedRequest poll() {
        SimulatedRequest first = peek();
        if (first != null) {
            remove(first);
        }
        return first;
    }

    /** Puts {@code request} at {@code at}, or moves it there if it is already scheduled. */
    void schedule(SimulatedRequest request, Instant at, long sequence) {
        request.dueSecond = at.getEpochSecond();
        request.dueNano = at.getNano();
        request.dueSequence = sequence;
        int slot = request.timelineSlot;
        if (slot < 0) {
            if (size == heap.length) {
                heap = Arrays.copyOf(heap, size * 2);
            }
            slot = size++;
            heap[slot] = request;
            request.timelineSlot = slot;
            siftUp(slot);
        } else {
            // The new key is always a fresh, later sequence, but the time may go either way.
            siftUp(slot);
            siftDown(request.timelineSlot);
        }
    }

    /** Takes {@code request} off the timeline; does nothing if it is not on it. */
    void remove(SimulatedRequest request) {
        int slot = request.timelineSlot;
        if (slot < 0) {
            return;
        }
        request.timelineSlot = -1;
        SimulatedRequest last = heap[--size];
        heap[size] = null;
        if (slot == size) {
            return;
        }
        heap[slot] = last;
        last.timelineSlot = slot;
        siftUp(slot);
        siftDown(last.timelineSlot);
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            heap[i].timelineSlot = -1;
            heap[i] = null;
        }
        size = 0;
    }

    private void siftUp(int slot) {
        SimulatedRequest moving = heap[slot];
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!before(moving, heap[parent])) {
                break;
            }
            place(heap[parent], slot);
            slot = parent;
        }
        place(moving, slot);
    }

    private void siftDown(int slot) {
        SimulatedRequest moving = heap[slot];
        int half = size >>> 1;
        while (slot < half) {
            int child = 2 * slot + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], moving)) {
                break;
            }
            place(heap[child], slot);
            slot = child;
        }
        place(moving, slot);
    }

    private void place(SimulatedRequest request, int slot) {
        heap[slot] = request;
        request.timelineSlot = slot;
    }

    private static boolean before(SimulatedRequest a, SimulatedRequest b) {
        if (a.dueSecond != b.dueSecond) {
            return a.dueSecond < b.dueSecond;
        }
        if (a.dueNano != b.dueNano) {
            return a.dueNano < b.dueNano;
        }
        return a.dueSequence < b.dueSequence;
    }
}
