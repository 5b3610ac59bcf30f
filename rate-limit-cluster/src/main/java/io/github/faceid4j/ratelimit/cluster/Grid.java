package io.github.faceid4j.ratelimit.cluster;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Optional;

/**
 * The grids {@link ClusterRateLimitExtension} can use, by their configuration value, and which class speaks to each
 * ({@link JCacheGridHandle}, {@link InfinispanGridHandle}). Those classes are named only inside the methods here, so
 * that a grid's API is loaded when that grid is configured, never for the other one.
 */
enum Grid {
    JCACHE("jcache", "a javax.cache.CacheManager bean (Payara injects Hazelcast's)"),
    INFINISPAN("infinispan", "an org.infinispan.Cache<String, byte[]> or org.infinispan.manager"
            + ".EmbeddedCacheManager bean (e.g. a @Produces @Resource field over WildFly's cache)");

    /** The value of {@link ClusterRateLimitExtension#GRID}. */
    final String value;
    /** What the application provides for it, in the message for an unknown grid. */
    final String needs;

    Grid(String value, String needs) {
        this.value = value;
        this.needs = needs;
    }

    static Optional<Grid> of(String value) {
        for (Grid grid : values()) {
            if (grid.value.equals(value)) {
                return Optional.of(grid);
            }
        }
        return Optional.empty();
    }

    /** {@return the jars the grid's API comes from, for the message when it is missing} */
    String api() {
        return switch (this) {
            case JCACHE -> "javax.cache:cache-api (provided by Payara) and com.bucket4j:bucket4j_jdk17-jcache";
            case INFINISPAN -> "Infinispan (provided by WildFly) and com.bucket4j:bucket4j_jdk17-infinispan";
        };
    }

    /** Why the grid's Bucket4j backend is missing, if it is. */
    Optional<String> classProblem() {
        return switch (this) {
            case JCACHE -> JCacheGridHandle.classProblem();
            case INFINISPAN -> InfinispanGridHandle.classProblem();
        };
    }

    /** What is wrong with a grid handle found in JNDI, if something is. */
    Optional<String> typeProblem(Object handle) {
        return switch (this) {
            case JCACHE -> JCacheGridHandle.typeProblem(handle);
            case INFINISPAN -> InfinispanGridHandle.typeProblem(handle);
        };
    }

    /** Why the grid's classes or its one grid handle bean are missing, if they are. */
    Optional<String> beanProblem(BeanManager beanManager) {
        return switch (this) {
            case JCACHE -> JCacheGridHandle.problem(beanManager);
            case INFINISPAN -> InfinispanGridHandle.problem(beanManager);
        };
    }

    /** A limiter of one account on a grid handle found in JNDI. */
    ClusterRateLimiter limiter(Object handle, String secretId, RateSettings settings) {
        return switch (this) {
            case JCACHE -> JCacheGridHandle.limiter(handle, secretId, settings);
            case INFINISPAN -> InfinispanGridHandle.limiter(handle, secretId, settings);
        };
    }

    /** A limiter of one account on the grid handle bean. */
    ClusterRateLimiter limiter(BeanManager beanManager, CreationalContext<?> context, String secretId,
                               RateSettings settings) {
        return switch (this) {
            case JCACHE -> JCacheGridHandle.limiter(beanManager, context, secretId, settings);
            case INFINISPAN -> InfinispanGridHandle.limiter(beanManager, context, secretId, settings);
        };
    }
}
