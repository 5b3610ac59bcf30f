package io.github.faceid4j.emulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every request the emulator saw, oldest first, for tests' assertions; and what it tells of a client's pacing (the
 * busiest one-second window of each action) and how many requests the emulator's limiter refused. Thread-safe.
 */
final class RequestLog {

    /** Bounded so a long-running command-line emulator does not grow without limit. */
    static final int MAX_LOGGED_REQUESTS = 100_000;

    private final ArrayDeque<RecordedRequest> log = new ArrayDeque<>();
    private final AtomicInteger rateLimited = new AtomicInteger();

    void record(RecordedRequest r) {
        synchronized (log) {
            if (log.size() >= MAX_LOGGED_REQUESTS) {
                log.pollFirst();
            }
            log.addLast(r);
        }
    }

    /** Counts a request the emulator's own limiter refused (it is recorded too, as an error). */
    void countRateLimited() {
        rateLimited.incrementAndGet();
    }

    /** A snapshot, oldest first. */
    List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    List<RecordedRequest> requestsFor(String bizToken) {
        return requests().stream().filter(r -> Objects.equals(r.bizToken(), bizToken)).toList();
    }

    /** The most accepted requests of one action whose arrivals lie within one second of each other. */
    int maxRequestsInAnyOneSecondWindow() {
        // Per action: each has its own budget.
        Map<String, List<Long>> nanos = new HashMap<>();
        for (RecordedRequest r : requests()) {
            if (r.accepted()) {
                nanos.computeIfAbsent(String.valueOf(r.header("X-TC-Action")), a -> new ArrayList<>())
                        .add(r.arrivalNanos);
            }
        }
        int max = 0;
        for (List<Long> action : nanos.values()) {
            Collections.sort(action);
            max = Math.max(max, SlidingWindowLimiter.maxInAnyWindow(action));
        }
        return max;
    }

    int rateLimitedCount() {
        return rateLimited.get();
    }

    void reset() {
        synchronized (log) {
            log.clear();
        }
        rateLimited.set(0);
    }
}
