package io.github.faceid4j.client;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of spilled answers a service holds on disk, bounded by {@code spillMaxBytes}: answers being written
 * (reserved before the first byte goes to disk) and answers whose results are still reachable.
 *
 * <p>Why: a spilled answer's file is freed when its mapping becomes unreachable and is collected, and spilled
 * answers put almost no pressure on the heap, so collections can come late: without a bound, the disk could fill
 * between two of them. Each mapping is tracked by a phantom reference (no thread: the queue is polled when the next
 * answer wants to spill). When the bound is reached, this does what the JDK does for direct buffers
 * ({@code java.nio.Bits.reserveMemory}): asks for one collection and waits briefly for the references to come in;
 * if there is still no room the answer is kept in memory instead (the call succeeds; a warning is logged, at most
 * once a minute). An answer larger than the whole bound is kept in memory at once, and after a collection that
 * freed too little none is asked for again for a second, so a full bound costs no call more than one short wait.
 */
final class SpillSpace {

    private static final System.Logger LOG = System.getLogger(SpillSpace.class.getName());
    /** Longest wait for collected mappings after asking for a collection. */
    private static final long GC_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long GC_BACK_OFF_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final long maxBytes;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Set<Tracked> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong lastGc = new AtomicLong(System.nanoTime() - GC_BACK_OFF_NANOS);
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    private final AtomicLong keptInMemory = new AtomicLong();

    SpillSpace(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    private final class Tracked extends PhantomReference<Object> {
        final long bytes;

        Tracked(Object mapping, long bytes) {
            super(mapping, collected);
            this.bytes = bytes;
        }
    }

    /**
     * Reserves {@code bytes} for an answer about to be spilled (its length, or the most it may grow to when that is
     * unknown). Every successful reservation must end in {@link #track} or {@link #cancel}.
     *
     * @return whether the answer may be spilled; if not, nothing is reserved
     */
    boolean reserve(long bytes) {
        if (bytes > maxBytes) {
            return keptInMemory(bytes);
        }
        if (tryReserve(bytes)) {
            return true;
        }
        long last = lastGc.get();
        long now = System.nanoTime();
        if (now - last >= GC_BACK_OFF_NANOS && lastGc.compareAndSet(last, now)) {
            System.gc();
            long deadline = now + GC_WAIT_NANOS;
            try {
                for (long left; (left = deadline - System.nanoTime()) > 0; ) {
                    Reference<?> ref = collected.remove(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    if (ref != null) {
                        release(ref);
                        if (tryReserve(bytes)) {
                            return true;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lastGc.set(System.nanoTime()); // the back-off counts from the end of a wait that freed too little
        }
        return tryReserve(bytes) || keptInMemory(bytes);
    }

    /** The reserved answer is on disk, {@code bytes} long: counted until {@code mapping} has been collected. */
    void track(Object mapping, long reserved, long bytes) {
        live.add(new Tracked(mapping, bytes));
        used.addAndGet(bytes - reserved);
    }

    /** The reserved answer did not make it to disk (a failure, or it was refused): frees its reservation. */
    void cancel(long reserved) {
        used.addAndGet(-reserved);
    }

    private boolean tryReserve(long bytes) {
        poll();
        for (long current; (current = used.get()) + bytes <= maxBytes; ) {
            if (used.compareAndSet(current, current + bytes)) {
                return true;
            }
        }
        return false;
    }

    private boolean keptInMemory(long bytes) {
        long count = keptInMemory.incrementAndGet();
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            keptInMemory.set(0);
            LOG.log(System.Logger.Level.WARNING, "FaceID spill space is full ({0} of {1} bytes held by answers being"
                    + " written and results in use; spillMaxBytes): {2} answer(s) kept in memory instead since the"
                    + " last warning, the latest of {3} bytes", used.get(), maxBytes, count, bytes);
        }
        return false;
    }

    private void poll() {
        for (Reference<?> ref; (ref = collected.poll()) != null; ) {
            release(ref);
        }
    }

    private void release(Reference<?> ref) {
        if (ref instanceof Tracked t && live.remove(t)) {
            used.addAndGet(-t.bytes);
        }
    }
}
