package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.grid.infinispan.Bucket4jInfinispan;
import org.infinispan.Cache;
import org.infinispan.functional.FunctionalMap;
import org.infinispan.functional.impl.FunctionalMapImpl;
import org.infinispan.functional.impl.ReadWriteMapImpl;

import java.time.Duration;
import java.util.Objects;

/**
 * {@link ClusterRateLimiter}s on an embedded Infinispan cache, e.g. one of WildFly's cache containers
 * ({@code @Resource(lookup = "java:jboss/infinispan/cache/<container>/<cache>")}). Needs
 * {@code com.bucket4j:bucket4j_jdk17-infinispan} and Infinispan's API; nothing of JCache. The cache container must
 * know Bucket4j's ProtoStream types ({@code Bucket4jProtobufContextInitializer}) so that the entry processor can
 * travel to the entry's owner; see docs/cluster.md.
 */
public final class InfinispanRateLimiters {

    /** A bucket idle long enough to be full again is removed this long after: a full bucket is a new bucket. */
    static final Duration KEEP_FULL_BUCKET = Duration.ofSeconds(60);

    private InfinispanRateLimiters() {
    }

    /**
     * {@return a limiter on a clustered (replicated or distributed) cache for a cluster-wide budget}
     *
     * @param cache the clustered cache
     * @param secretId the account's SecretId (only its hash is kept)
     * @param settings the rate settings
     */
    public static ClusterRateLimiter of(Cache<String, byte[]> cache, String secretId, RateSettings settings) {
        Objects.requireNonNull(cache, "cache");
        FunctionalMap.ReadWriteMap<String, byte[]> map =
                ReadWriteMapImpl.create(FunctionalMapImpl.create(cache.getAdvancedCache()));
        return ClusterRateLimiters.bucket4j(Bucket4jInfinispan.entryProcessorBasedBuilder(map)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKET))
                        .build(),
                secretId, settings, "Infinispan cache '" + cache.getName() + "'");
    }
}
