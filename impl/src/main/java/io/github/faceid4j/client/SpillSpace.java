package io.github.faceid4j.client;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many bytes of spilled answers a service still holds on disk, bounded by {@code spillMaxBytes}.
 *
 * <p>Why: a spilled answer's file is freed when its mapping becomes unreachable and is collected, and spilled
 * answers put almost no pressure on the heap, so collections can come late: without a bound, the disk could fill
 * between two of them. Each mapping is tracked by a phantom reference (no thread: the queue is polled when the next
 * answer wants to spill). When the bound is reached, this does what the JDK does for direct buffers
 * ({@code java.nio.Bits.reserveMemory}): asks for one collection, waits briefly for the references to come in, and
 * if there is still no room the answer is kept in memory instead (the call succeeds; a warning is logged).
 */
final class SpillSpace {

    private static final System.Logger LOG = System.getLogger(SpillSpace.class.getName());
    /** Longest wait for collected mappings after asking for a collection. */
    private static final long GC_WAIT_MILLIS = 200;

    private final long maxBytes;
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Set<Tracked> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong used = new AtomicLong();

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

    /** Bytes of spilled answers not yet known to be freed. */
    long used() {
        poll();
        return used.get();
    }

    /**
     * Whether an answer of {@code bytes} may be spilled now (an estimate when its length is unknown). May ask for a
     * collection and wait up to {@value #GC_WAIT_MILLIS} ms when the bound is reached.
     */
    boolean hasRoomFor(long bytes) {
        if (fits(bytes)) {
            return true;
        }
        System.gc();
        long deadline = System.nanoTime() + GC_WAIT_MILLIS * 1_000_000;
        try {
            while (System.nanoTime() < deadline) {
                Reference<?> ref = collected.remove(10);
                if (ref != null) {
                    release(ref);
                    if (fits(bytes)) {
                        return true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fits(bytes)) {
            return true;
        }
        LOG.log(System.Logger.Level.WARNING, "FaceID spill space is full ({0} of {1} bytes still held by results in"
                + " use; spillMaxBytes): an answer of {2} bytes is kept in memory instead", used.get(), maxBytes, bytes);
        return false;
    }

    /** Counts a spilled answer's {@code bytes} until {@code mapping} has been collected. */
    void track(Object mapping, long bytes) {
        live.add(new Tracked(mapping, bytes));
        used.addAndGet(bytes);
    }

    private boolean fits(long bytes) {
        poll();
        return used.get() + bytes <= maxBytes;
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
