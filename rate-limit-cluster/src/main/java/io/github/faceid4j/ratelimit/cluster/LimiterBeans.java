package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.client.internal.AccountRateLimiters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.GRID;

/**
 * The beans {@link ClusterRateLimitExtension} adds: the {@code @ApplicationScoped @Default} {@link RateLimiter} of the
 * configured account, and the {@link AccountRateLimiters} that gives named clients with a SecretId of their own their
 * account's limiter. Each limiter is made on first use (the grid handle is looked up then) and closed with the
 * container.
 */
final class LimiterBeans {

    private final BeanManager beanManager;
    private final GridHandleLookup handles;
    /** Null when the configuration is incomplete: the deployment fails then, and no limiter is ever made. */
    private final ClusterConfiguration.Setup setup;

    private LimiterBeans(BeanManager beanManager, GridHandleLookup handles, ClusterConfiguration.Setup setup) {
        this.beanManager = beanManager;
        this.handles = handles;
        this.setup = setup;
    }

    /** Adds both beans for {@code grid}; {@code setup} null when the configuration is incomplete. */
    static void add(AfterBeanDiscovery event, BeanManager beanManager, Grid grid, GridHandleLookup handles,
                    ClusterConfiguration.Setup setup) {
        LimiterBeans beans = new LimiterBeans(beanManager, handles, setup);
        add(event, RateLimiter.class, "#" + grid.value, context -> beans.create(context, beans.setup().secretId()),
                limiter -> {
                    if (limiter instanceof ClusterRateLimiter cluster) {
                        cluster.close();
                    }
                });
        // one bucket per account: named clients configured with a SecretId of their own ask for theirs here
        add(event, AccountRateLimiters.class, "#accounts#" + grid.value,
                context -> new PerAccount(account -> beans.create(context, account)),
                accounts -> ((PerAccount) accounts).close());
    }

    /** An {@code @ApplicationScoped @Default} bean of {@code type}, its instance closed with the container. */
    private static <T> void add(AfterBeanDiscovery event, Class<T> type, String id,
                                Function<CreationalContext<T>, T> create, Consumer<T> close) {
        event.<T>addBean()
                .beanClass(ClusterRateLimitExtension.class)
                .id(ClusterRateLimitExtension.class.getName() + id)
                .types(type, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(create)
                .destroyWith((instance, context) -> {
                    close.accept(instance);
                    context.release();
                });
    }

    private ClusterConfiguration.Setup setup() {
        if (setup == null) {
            throw new FaceIdConfigurationException(GRID, "the cluster rate limit is not configured completely");
        }
        return setup;
    }

    /** The limiter of one account on the configured grid, with the configured settings. */
    private ClusterRateLimiter create(CreationalContext<?> context, String secretId) {
        return handles.limiter(beanManager, context, secretId, setup().settings());
    }

    /** One limiter per account, made on first use, closed with the container. */
    static final class PerAccount implements AccountRateLimiters {
        private final Function<String, ClusterRateLimiter> factory;
        private final Map<String, ClusterRateLimiter> limiters = new ConcurrentHashMap<>();

        PerAccount(Function<String, ClusterRateLimiter> factory) {
            this.factory = factory;
        }

        @Override
        public RateLimiter forAccount(String secretId) {
            return limiters.computeIfAbsent(secretId, factory);
        }

        void close() {
            limiters.values().forEach(ClusterRateLimiter::close);
        }
    }
}
