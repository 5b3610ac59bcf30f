package io.github.faceid4j.cluster;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Stalls of this JVM, where the emulator counts arrivals: a thread that asks to sleep 1 ms and records every wake-up
 * that came much later (a GC or safepoint pause, or the thread starved of a core). Requests that reach the emulator
 * during a stall are timed when it resumes, all at once; a window that breaks the bound during a stall says more
 * about this machine than about the limiter, so the report names them.
 */
final class Hiccups implements AutoCloseable {

    /** One stall: when it ended and how long it lasted. */
    record Stall(Instant end, long millis) {
    }

    /** Wake-ups later than this count as a stall. */
    static final long THRESHOLD_MILLIS = 20;

    private final ConcurrentLinkedQueue<Stall> stalls = new ConcurrentLinkedQueue<>();
    private final Thread meter;

    Hiccups() {
        meter = new Thread(this::measure, "hiccup-meter");
        meter.setDaemon(true);
        meter.start();
    }

    private void measure() {
        long before = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            long late = (now - before) / 1_000_000 - 1;
            if (late >= THRESHOLD_MILLIS) {
                stalls.add(new Stall(Instant.now(), late));
            }
            before = now;
        }
    }

    /** {@return the stalls that ended within [from, to]} */
    List<Stall> between(Instant from, Instant to) {
        return stalls.stream().filter(s -> !s.end().isBefore(from) && !s.end().isAfter(to)).toList();
    }

    @Override
    public void close() {
        meter.interrupt();
    }
}
