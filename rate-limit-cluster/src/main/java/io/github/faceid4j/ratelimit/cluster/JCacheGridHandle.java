package io.github.faceid4j.ratelimit.cluster;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import javax.cache.CacheManager;
import java.util.Optional;
import java.util.Set;

/**
 * The JCache side of {@link ClusterRateLimitExtension}: the application's {@code javax.cache.CacheManager} bean. A
 * class of its own so that JCache is loaded only when the grid is {@code jcache}.
 */
final class JCacheGridHandle {

    private JCacheGridHandle() {
    }

    static Optional<String> problem(BeanManager beanManager) {
        try {
            Class.forName("io.github.bucket4j.grid.jcache.Bucket4jJCache", false,
                    JCacheGridHandle.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("com.bucket4j:bucket4j_jdk17-jcache on the class path (add it to the application)");
        }
        Set<Bean<?>> beans = beanManager.getBeans(CacheManager.class);
        if (beans.isEmpty()) {
            return Optional.of("a javax.cache.CacheManager bean (Payara injects Hazelcast's; elsewhere produce one),"
                    + " but there is none");
        }
        try {
            beanManager.resolve(beans);
            return Optional.empty();
        } catch (AmbiguousResolutionException e) {
            return Optional.of("one javax.cache.CacheManager bean, but there are several: " + e.getMessage());
        }
    }

    static ClusterRateLimiter limiter(BeanManager beanManager, CreationalContext<?> context, String secretId,
                                      RateSettings settings) {
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(CacheManager.class));
        if (bean == null) {
            throw new IllegalStateException("no javax.cache.CacheManager bean for the FaceID cluster rate limit");
        }
        CacheManager cacheManager = (CacheManager) beanManager.getReference(bean, CacheManager.class, context);
        return JCacheRateLimiters.of(cacheManager, secretId, settings);
    }
}
