package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Many threads per cluster member, each member with its own service and limiter, all against one emulator. Calls
 * are synchronous {@code getResult}; a member's thread stops at its first failure. Each member makes one call
 * first, alone ({@link #WARM_UP_CALLS_PER_MEMBER}), which the emulator records like every other.
 */
final class ClusterLoad {

    /** When each member's calls completed (System.nanoTime), and what failed. */
    record Result(long startNanos, long endNanos, List<List<Long>> completions, List<List<Throwable>> failures) {

        int completed(int member) {
            return completions.get(member).size();
        }

        int completed() {
            return completions.stream().mapToInt(List::size).sum();
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        /** Completions of {@code member} per second within [from, to) seconds after the start. */
        double rate(int member, double fromSeconds, double toSeconds) {
            long from = startNanos + (long) (fromSeconds * 1e9);
            long to = startNanos + (long) (toSeconds * 1e9);
            long count = completions.get(member).stream().filter(t -> t >= from && t < to).count();
            return count / (toSeconds - fromSeconds);
        }

        /** The longest time without a completion of {@code member} between {@code fromSeconds} and the end. */
        double longestGapSeconds(int member, double fromSeconds) {
            long last = startNanos + (long) (fromSeconds * 1e9);
            long longest = 0;
            List<Long> times = new ArrayList<>(completions.get(member));
            Collections.sort(times);
            for (long t : times) {
                if (t >= last) {
                    longest = Math.max(longest, t - last);
                    last = t;
                }
            }
            return longest / 1e9;
        }

        String summary() {
            StringBuilder s = new StringBuilder(String.format("%d calls in %.2f s (%.1f/s)", completed(), seconds(),
                    completed() / seconds()));
            for (int m = 0; m < completions.size(); m++) {
                s.append(String.format("; member %d: %d calls, %d failures", m, completed(m), failures.get(m).size()));
                if (!failures.get(m).isEmpty()) {
                    s.append(" (").append(failures.get(m).stream().map(e -> e.getClass().getSimpleName())
                            .distinct().collect(Collectors.joining(", "))).append(")");
                }
            }
            return s.toString();
        }
    }

    static final int WARM_UP_CALLS_PER_MEMBER = 1;

    private ClusterLoad() {
    }

    /** One line with what a test measured, for the build log (and docs/cluster.md). */
    static String report(String label, Result result, FaceIdEmulator emulator) {
        return String.format("%s: %s; emulator: max %d requests in any 1 s window, %d rate limited", label,
                result.summary(), emulator.maxRequestsInAnyOneSecondWindow(), emulator.rateLimitedCount());
    }

    static VerificationResultService service(FaceIdEmulator emulator, RateLimiter limiter) {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .rateLimiter(limiter)
                .rateLimitMaxWait(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Runs until {@code totalCalls} were started or {@code duration} has passed, then waits for the calls in flight.
     *
     * @param during called once, {@code atSeconds} after the start, on a thread of its own (e.g. to stop a member)
     */
    static Result run(List<VerificationResultService> members, int threadsPerMember, int totalCalls,
                      Duration duration, double atSeconds, Runnable during) throws InterruptedException {
        // Each member's first call, alone, then a pause of a window. A service starts its JAX-RS client on its first
        // exchange, so that request leaves some 0.1-0.4 s after its permit: beyond any jitter margin, as docs/cluster.md
        // says. A deployed application pays this once; the emulator records these calls like every other, and the
        // window counts include them.
        for (int m = 0; m < members.size(); m++) {
            members.get(m).getResult("passed-warm-up-m" + m);
        }
        Thread.sleep(1100);
        AtomicInteger remaining = new AtomicInteger(totalCalls);
        List<ConcurrentLinkedQueue<Long>> completions = new ArrayList<>();
        List<ConcurrentLinkedQueue<Throwable>> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int m = 0; m < members.size(); m++) {
            ConcurrentLinkedQueue<Long> done = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Throwable> failed = new ConcurrentLinkedQueue<>();
            VerificationResultService service = members.get(m);
            int member = m;
            for (int t = 0; t < threadsPerMember; t++) {
                int thread = t;
                threads.add(start("load-member-" + m + "-" + t, () -> {
                    int n = 0;
                    while (System.nanoTime() < end && remaining.getAndDecrement() > 0) {
                        try {
                            String token = "passed-m" + member + "-t" + thread + "-" + n++;
                            if (!service.getResult(token).passed()) {
                                throw new AssertionError("a passed token did not pass");
                            }
                            done.add(System.nanoTime());
                        } catch (RuntimeException | AssertionError e) {
                            failed.add(e);
                            return;
                        }
                    }
                }));
            }
            completions.add(done);
            failures.add(failed);
        }
        Thread disturbance = null;
        if (during != null) {
            disturbance = start("load-disturbance", () -> {
                try {
                    Thread.sleep((long) (atSeconds * 1000));
                    during.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60) + duration.toMillis());
        }
        if (disturbance != null) {
            disturbance.join(30_000);
        }
        long finished = System.nanoTime();
        List<List<Long>> times = new ArrayList<>();
        List<List<Throwable>> errors = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            times.add(List.copyOf(completions.get(m)));
            errors.add(List.copyOf(failures.get(m)));
        }
        long last = times.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(finished);
        return new Result(start, last, times, errors);
    }

    private static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.start();
        return thread;
    }
}
