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

    /** Why the JCache backend's classes are missing, if they are. */
    static Optional<String> classProblem() {
        try {
            Class.forName("io.github.bucket4j.grid.jcache.Bucket4jJCache", false,
                    JCacheGridHandle.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("com.bucket4j:bucket4j_jdk17-jcache on the class path (add it to the application)");
        }
    }

    /** What is wrong with a grid handle looked up in JNDI, if something is. */
    static Optional<String> typeProblem(Object handle) {
        return handle instanceof CacheManager ? Optional.empty()
                : Optional.of("a " + handle.getClass().getName() + ", not a javax.cache.CacheManager");
    }

    static ClusterRateLimiter limiter(Object handle, String secretId, RateSettings settings) {
        typeProblem(handle).ifPresent(problem -> {
            throw new IllegalStateException("the FaceID cluster rate limit's grid handle is " + problem);
        });
        return JCacheRateLimiters.of((CacheManager) handle, secretId, settings);
    }

    static Optional<String> problem(BeanManager beanManager) {
        Optional<String> classes = classProblem();
        if (classes.isPresent()) {
            return classes;
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
