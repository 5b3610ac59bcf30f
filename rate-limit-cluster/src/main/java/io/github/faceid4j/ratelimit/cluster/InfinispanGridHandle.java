package io.github.faceid4j.ratelimit.cluster;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import org.infinispan.Cache;
import org.infinispan.manager.EmbeddedCacheManager;

import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/**
 * The Infinispan side of {@link ClusterRateLimitExtension}: the application's {@code Cache<String, byte[]>} bean, else
 * its {@code EmbeddedCacheManager} bean (cache {@link RateSettings#cacheName()}). A class of its own so that
 * Infinispan is loaded only when the grid is {@code infinispan}.
 */
final class InfinispanGridHandle {

    private static final Type CACHE = new TypeLiteral<Cache<String, byte[]>>() { }.getType();

    private InfinispanGridHandle() {
    }

    /** Why the Infinispan backend's classes are missing, if they are. */
    static Optional<String> classProblem() {
        try {
            Class.forName("io.github.bucket4j.grid.infinispan.Bucket4jInfinispan", false,
                    InfinispanGridHandle.class.getClassLoader());
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("com.bucket4j:bucket4j_jdk17-infinispan on the class path (add it to the application)");
        }
    }

    /** What is wrong with a grid handle looked up in JNDI, if something is. */
    static Optional<String> typeProblem(Object handle) {
        return handle instanceof Cache ? Optional.empty()
                : Optional.of("a " + handle.getClass().getName() + ", not an org.infinispan.Cache");
    }

    @SuppressWarnings("unchecked")
    static ClusterRateLimiter limiter(Object handle, String secretId, RateSettings settings) {
        typeProblem(handle).ifPresent(problem -> {
            throw new IllegalStateException("the FaceID cluster rate limit's grid handle is " + problem);
        });
        return InfinispanRateLimiters.of((Cache<String, byte[]>) handle, secretId, settings);
    }

    static Optional<String> problem(BeanManager beanManager) {
        Optional<String> classes = classProblem();
        if (classes.isPresent()) {
            return classes;
        }
        for (Type type : new Type[] {CACHE, EmbeddedCacheManager.class}) {
            Set<Bean<?>> beans = beanManager.getBeans(type);
            if (!beans.isEmpty()) {
                try {
                    beanManager.resolve(beans);
                    return Optional.empty();
                } catch (AmbiguousResolutionException e) {
                    return Optional.of("one " + type.getTypeName() + " bean, but there are several: " + e.getMessage());
                }
            }
        }
        return Optional.of("an org.infinispan.Cache<String, byte[]> bean (e.g. @Produces @Resource(lookup ="
                + " \"java:jboss/infinispan/cache/<container>/<cache>\") on WildFly) or an"
                + " org.infinispan.manager.EmbeddedCacheManager bean, but there is none");
    }

    @SuppressWarnings("unchecked")
    static ClusterRateLimiter limiter(BeanManager beanManager, CreationalContext<?> context, String secretId,
                                      RateSettings settings) {
        Bean<?> cacheBean = beanManager.resolve(beanManager.getBeans(CACHE));
        if (cacheBean != null) {
            Cache<String, byte[]> cache = (Cache<String, byte[]>) beanManager.getReference(cacheBean, CACHE, context);
            return InfinispanRateLimiters.of(cache, secretId, settings);
        }
        Bean<?> managerBean = beanManager.resolve(beanManager.getBeans(EmbeddedCacheManager.class));
        if (managerBean == null) {
            throw new IllegalStateException("no org.infinispan.Cache<String, byte[]> or EmbeddedCacheManager bean for"
                    + " the FaceID cluster rate limit");
        }
        EmbeddedCacheManager manager = (EmbeddedCacheManager) beanManager.getReference(managerBean,
                EmbeddedCacheManager.class, context);
        return InfinispanRateLimiters.of(manager.<String, byte[]>getCache(settings.cacheName()), secretId, settings);
    }
}
