package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.client.RateLimiter;
import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code samples of this module's javadoc, verbatim, compiled here so they cannot rot (the limiters they make
 * are what the cluster tests run); {@code JavadocSamplesCheckTest} (the CLI's tests) fails when a sample in the
 * javadoc is not found, up to whitespace, in its module's test sources.
 */
class JavadocSamplesTest {

    @Test
    void rateSettings() {
        // sample: RateSettings
        RateSettings settings = RateSettings.builder()
                .rate(17, Duration.ofSeconds(1))
                .burst(1)
                .gridTimeout(Duration.ofMillis(500))
                .onGridFailure(GridFailurePolicy.fallbackToLocalShare(4))
                .build();
        // end of sample
        assertThat(settings.burst()).isEqualTo(1);
    }

    /** Compiled only: a JCache {@code CacheManager} is a grid member (HazelcastJCacheClusterTest runs one). */
    static RateLimiter jcache(CacheManager cacheManager, String secretId) {
        // sample: JCacheRateLimiters
        RateLimiter limiter = JCacheRateLimiters.of(cacheManager, secretId, RateSettings.defaults());
        // end of sample
        return limiter;
    }
}
