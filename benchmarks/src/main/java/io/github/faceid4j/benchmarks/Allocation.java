package io.github.faceid4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;

/**
 * Bytes allocated by every live thread of this JVM except the emulator's, summed. Our service reads and decodes on
 * its I/O pool, not on the caller's thread, so a per-thread counter would miss most of a call; the emulator
 * serves from the same JVM and must not be counted. Threads that end between two readings lose their counts;
 * the pools involved here keep their threads for the length of a run.
 */
final class Allocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocation() {
    }

    static boolean supported() {
        return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
    }

    /** Running total over the counted threads. Subtract two readings taken around a call. */
    static long allocatedBytes() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            ThreadInfo info = infos[i];
            if (info == null || bytes[i] < 0 || isEmulator(info.getThreadName())) {
                continue;
            }
            total += bytes[i];
        }
        return total;
    }

    private static boolean isEmulator(String name) {
        // the emulator's handler pool, and the dispatcher thread of the JDK's HttpServer it runs on
        return name.startsWith("faceid-emulator-") || name.startsWith("HTTP-Dispatcher");
    }
}
