package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.grid.jcache.Bucket4jJCache;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.client.RateLimiter;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An application on Payara has Bucket4j's JCache backend and the JCache API, but no Infinispan: the limiter and its
 * JCache factory must load, reflect and work there. Shown in a class loader that holds only those jars.
 */
class WithoutTheOtherGridTest {

    @Test
    void theJCacheFactoryWorksWithoutInfinispanOnTheClassPath() throws Exception {
        List<Class<?>> present = List.of(ClusterRateLimiter.class, Bucket.class, Bucket4jJCache.class,
                javax.cache.Cache.class, RateLimiter.class, FaceIdException.class);
        URL[] urls = present.stream().map(c -> c.getProtectionDomain().getCodeSource().getLocation()).distinct()
                .toArray(URL[]::new);
        try (URLClassLoader payara = new URLClassLoader("payara-like", urls, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("org.infinispan.Cache", false, payara))
                    .isInstanceOf(ClassNotFoundException.class);

            // every public class a JCache user touches reflects completely (as containers scanning a jar may)
            for (String name : List.of("ClusterRateLimiter", "ClusterRateLimiters", "JCacheRateLimiters",
                    "RateSettings", "GridFailurePolicy")) {
                Class<?> type = Class.forName("io.github.faceid4j.ratelimit.cluster." + name, true, payara);
                assertThat(type.getClassLoader()).isSameAs(payara);
                assertThat(Arrays.asList(type.getMethods())).isNotEmpty();
            }

            Class<?> settingsType = Class.forName("io.github.faceid4j.ratelimit.cluster.RateSettings", true, payara);
            Object settings = settingsType.getMethod("defaults").invoke(null);
            Object cache = new FakeJCache().cache(payara);
            Method of = Class.forName("io.github.faceid4j.ratelimit.cluster.JCacheRateLimiters", true, payara)
                    .getMethod("of", Class.forName("javax.cache.Cache", false, payara), String.class, settingsType);
            Object limiter = of.invoke(null, cache, "AKIDpayara", settings);
            Method tryAcquire = limiter.getClass().getMethod("tryAcquire");
            assertThat((long) tryAcquire.invoke(limiter)).isZero();
            assertThat((long) tryAcquire.invoke(limiter)).as("the bucket's one token is taken").isPositive();
            ((AutoCloseable) limiter).close();
        }
    }
}
