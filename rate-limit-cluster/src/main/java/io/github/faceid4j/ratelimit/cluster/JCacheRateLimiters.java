package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.grid.jcache.Bucket4jJCache;

import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.configuration.MutableConfiguration;
import java.util.Objects;

/**
 * {@link ClusterRateLimiter}s on a JCache (JSR-107) cache, e.g. Payara's Hazelcast
 * ({@code @Inject CacheManager}) or any provider that runs {@code Cache.invoke} entry processors atomically where
 * the entry lives, as Bucket4j requires. Needs {@code com.bucket4j:bucket4j_jdk17-jcache} and the JCache API; nothing
 * of Infinispan.
 *
 * <pre>{@code
 * RateLimiter limiter = JCacheRateLimiters.of(cacheManager, secretId, RateSettings.defaults());
 * }</pre>
 */
public final class JCacheRateLimiters {

    private JCacheRateLimiters() {
    }

    /**
     * {@return a limiter on a JCache cache of one's own; its keys are strings, its values Bucket4j's state as bytes}
     *
     * @param cache the cache
     * @param secretId the account's SecretId (only its hash is kept)
     * @param settings the rate settings
     */
    public static ClusterRateLimiter of(Cache<String, byte[]> cache, String secretId, RateSettings settings) {
        Objects.requireNonNull(cache, "cache");
        String provider = cache.getCacheManager() == null || cache.getCacheManager().getCachingProvider() == null
                ? "JCache" : cache.getCacheManager().getCachingProvider().getClass().getSimpleName();
        return ClusterRateLimiters.bucket4j(Bucket4jJCache.entryProcessorBasedBuilder(cache).build(), secretId,
                settings, "JCache cache '" + cache.getName() + "' of " + provider);
    }

    /**
     * A limiter on the cache {@link RateSettings#cacheName()} of {@code cacheManager}, created with the default
     * configuration (untyped, no expiry: one small entry per account) if it does not exist yet.
     *
     * @param cacheManager the grid's cache manager
     * @param secretId the account's SecretId (only its hash is kept)
     * @param settings the rate settings
     * @return the limiter
     */
    public static ClusterRateLimiter of(CacheManager cacheManager, String secretId, RateSettings settings) {
        Objects.requireNonNull(cacheManager, "cacheManager");
        Objects.requireNonNull(settings, "settings");
        return of(cacheOf(cacheManager, settings.cacheName()), secretId, settings);
    }

    /** The named cache, created with the default (untyped, non-expiring) configuration when missing. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Cache<String, byte[]> cacheOf(CacheManager cacheManager, String name) {
        Cache cache = cacheManager.getCache(name);
        if (cache == null) {
            try {
                cache = cacheManager.createCache(name, new MutableConfiguration<>());
            } catch (CacheException e) { // another node or thread created it first
                cache = cacheManager.getCache(name);
                if (cache == null) {
                    throw e;
                }
            }
        }
        return cache;
    }
}
