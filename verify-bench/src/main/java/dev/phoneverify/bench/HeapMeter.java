package dev.phoneverify.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after the collector has had every chance to clear garbage. */
final class HeapMeter {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    static long usedAfterFullGc() {
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            // Stop once another collection frees nothing more worth counting.
            if (previous - used < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }
}
