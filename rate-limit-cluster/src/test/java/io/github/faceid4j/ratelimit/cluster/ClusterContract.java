package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every grid backend must show, with two members of a real grid in this JVM on loopback: each member drives
 * its own service (its own limiter, client and threads) against one emulator, so the only thing the members share
 * is the bucket in the grid. Runs with {@link RateSettings#defaults()}.
 */
abstract class ClusterContract {

    /** Members of one grid, each with a limiter for the emulator's account. */
    interface Grid extends AutoCloseable {
        ClusterRateLimiter limiter(int member, String secretId);

        /** Graceful shutdown of one member, as when a node is stopped for a redeploy. */
        void shutdown(int member);

        @Override
        void close();
    }

    abstract Grid startGrid(int members);

    abstract String name();

    @Test
    void twoMembersShareOneTwentyPerSecondBudget() throws Exception {
        // the emulator counts arrivals without refusing any: one that refused the 21st could never show a 21st
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitEnforced(false).build().start();
             Grid grid = startGrid(2);
             ClusterRateLimiter limiterA = grid.limiter(0, emulator.secretId());
             ClusterRateLimiter limiterB = grid.limiter(1, emulator.secretId());
             VerificationResultService memberA = ClusterLoad.service(emulator, limiterA);
             VerificationResultService memberB = ClusterLoad.service(emulator, limiterB)) {

            ClusterLoad.Result result = ClusterLoad.run(List.of(memberA, memberB), 8, 120, Duration.ofSeconds(20), 0, null);

            System.out.println(ClusterLoad.report(name() + ", 2 members x 8 threads, 120 calls", result, emulator));
            assertThat(result.failures()).hasSize(2).allSatisfy(f -> assertThat(f).isEmpty());
            assertThat(result.completed()).isEqualTo(120);
            assertThat(emulator.requests()).hasSize(120 + 2 * ClusterLoad.WARM_UP_CALLS_PER_MEMBER);
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isLessThanOrEqualTo(20);
            assertThat(emulator.rateLimitedCount()).isZero();
            assertThat(result.completed(0)).as("member A's share").isGreaterThanOrEqualTo(36);
            assertThat(result.completed(1)).as("member B's share").isGreaterThanOrEqualTo(36);
            assertThat(result.completed() / result.seconds()).as("combined calls per second").isBetween(15.0, 20.0);
        }
    }

    @Test
    void whenAMemberLeavesTheOtherGoesOnAtTheFullRate() throws Exception {
        // the emulator counts arrivals without refusing any: one that refused the 21st could never show a 21st
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitEnforced(false).build().start();
             Grid grid = startGrid(2);
             ClusterRateLimiter limiterA = grid.limiter(0, emulator.secretId());
             ClusterRateLimiter limiterB = grid.limiter(1, emulator.secretId());
             VerificationResultService memberA = ClusterLoad.service(emulator, limiterA);
             VerificationResultService memberB = ClusterLoad.service(emulator, limiterB)) {

            long[] shutdown = new long[2];
            ClusterLoad.Result result = ClusterLoad.run(List.of(memberA, memberB), 6, 1000, Duration.ofSeconds(6), 2.0,
                    () -> {
                        shutdown[0] = System.nanoTime();
                        grid.shutdown(1);
                        shutdown[1] = System.nanoTime();
                    });

            double leftAt = (shutdown[0] - result.startNanos()) / 1e9;
            double end = result.seconds();
            System.out.println(ClusterLoad.report(String.format("%s, member B of 2 leaves at %.2f s (its shutdown"
                            + " took %.2f s); member A before %.1f/s, after %.1f/s, longest pause after %.2f s", name(),
                    leftAt, (shutdown[1] - shutdown[0]) / 1e9, result.rate(0, 0, leftAt),
                    result.rate(0, leftAt + 0.5, end), result.longestGapSeconds(0, leftAt)), result, emulator));
            assertThat(result.failures().get(0)).as("member A's failures").isEmpty();
            assertThat(result.failures().get(1)).as("member B fails closed once its grid member is gone")
                    .isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(RateLimitTimeoutException.class));
            assertThat(limiterB.lastGridProblem()).isNotNull();
            assertThat(result.rate(0, leftAt + 0.5, end)).as("member A alone, calls per second").isGreaterThan(14);
            assertThat(result.longestGapSeconds(0, leftAt)).as("member A's longest pause").isLessThan(1.0);
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isLessThanOrEqualTo(20);
            assertThat(emulator.rateLimitedCount()).isZero();
        }
    }

    @AfterAll
    static void noThreadsLeft() throws InterruptedException {
        GridThreads.assertNoneLeft();
    }
}
