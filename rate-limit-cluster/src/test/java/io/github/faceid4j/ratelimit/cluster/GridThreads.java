package io.github.faceid4j.ratelimit.cluster;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Threads of the limiter, the services and the grids that must be gone once everything was closed. */
final class GridThreads {

    private static final List<String> PREFIXES = List.of("faceid-rate-limit-grid-", "faceid-io-", "faceid-timer-",
            "hz.", "jgroups", "TP-", "Timer runner", "non-blocking-thread", "blocking-thread", "async-thread",
            "expiration-thread", "load-");

    private GridThreads() {
    }

    static List<String> left() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> PREFIXES.stream().anyMatch(name::startsWith) || name.contains("faceid-test-"))
                .sorted().toList();
    }

    static void assertNoneLeft() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!left().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(left()).as("threads left running").isEmpty();
    }
}
