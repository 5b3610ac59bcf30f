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

    static Optional<String> problem(BeanManager beanManager) {
        try {
            Class.forName("io.github.bucket4j.grid.infinispan.Bucket4jInfinispan", false,
                    InfinispanGridHandle.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return Optional.of("com.bucket4j:bucket4j_jdk17-infinispan on the class path (add it to the application)");
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
