package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.Test;

import javax.cache.Cache;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Both grid-failure policies through a whole service, against the emulator, with a grid that does not answer. */
class GridUnreachableTest {

    @Test
    void failClosedEndsTheCallQuicklyWithATypedExceptionAndSendsNothing() throws Exception {
        FakeJCache grid = new FakeJCache();
        grid.mode(FakeJCache.Mode.HANGING);
        RateSettings settings = RateSettings.builder().gridTimeout(Duration.ofMillis(300)).build();
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start();
             ClusterRateLimiter limiter = JCacheRateLimiters.of(grid.<Cache<String, byte[]>>cache(), emulator.secretId(), settings);
             VerificationResultService service = ClusterLoad.service(emulator, limiter)) {

            long start = System.nanoTime();
            assertThatThrownBy(() -> service.getResult("passed-1"))
                    .isInstanceOf(RateLimitTimeoutException.class)
                    .hasMessageContaining("nothing more was sent");
            assertThat(System.nanoTime() - start).as("a dead grid costs one grid timeout")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(1000));
            assertThat(limiter.lastGridProblem()).contains("did not answer within PT0.3S (gridTimeout)");

            long again = System.nanoTime();
            assertThatThrownBy(() -> service.getResultAsync("passed-2").toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(RateLimitTimeoutException.class);
            assertThat(System.nanoTime() - again).as("within the retry interval the grid is not asked")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(200));
            assertThat(emulator.requests()).isEmpty();
        } finally {
            grid.mode(FakeJCache.Mode.WORKING);
        }
    }

    @Test
    void fallbackPacesEachNodeAtItsShareOfTheBudget() throws Exception {
        FakeJCache grid = new FakeJCache();
        grid.mode(FakeJCache.Mode.FAILING);
        RateSettings settings = RateSettings.builder().onGridFailure(GridFailurePolicy.fallbackToLocalShare(2)).build();
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start();
             ClusterRateLimiter limiter = JCacheRateLimiters.of(grid.<Cache<String, byte[]>>cache(), emulator.secretId(), settings);
             VerificationResultService service = ClusterLoad.service(emulator, limiter)) {

            ClusterLoad.Result result = ClusterLoad.run(List.of(service), 8, 25, Duration.ofSeconds(20), 0, null);

            System.out.println(ClusterLoad.report("grid down, fallbackToLocalShare(2), 1 node x 8 threads, 25 calls",
                    result, emulator));
            assertThat(result.failures().get(0)).isEmpty();
            assertThat(result.completed()).isEqualTo(25);
            assertThat(limiter.gridAvailable()).isFalse();
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).as("this node's share: 20 / 2").isLessThanOrEqualTo(10);
            assertThat(emulator.rateLimitedCount()).isZero();
            // 25 requests at 10 per second, each counted until a second after its answer began: over 2 s
            assertThat(result.seconds()).isGreaterThan(2.0);
        }
    }
}
