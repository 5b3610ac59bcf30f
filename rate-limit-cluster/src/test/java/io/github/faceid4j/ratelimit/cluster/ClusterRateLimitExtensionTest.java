package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.testing.MapSource;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.infinispan.Cache;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.cache.CacheManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code tencentcloud.faceid.rate-limit.grid} and only the grid handle as a bean: the FaceID CDI extension's service
 * is paced by a cluster limiter built by {@link ClusterRateLimitExtension}. Weld SE + SmallRye Config, embedded grid
 * members on 127.0.0.1 only, against the emulator.
 */
class ClusterRateLimitExtensionTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static FaceIdEmulator emulator;
    private static HazelcastGrid hazelcast;

    @BeforeAll
    static void start() {
        emulator = FaceIdEmulator.builder().build().start();
        hazelcast = new HazelcastGrid(1);
    }

    @AfterAll
    static void stop() {
        if (hazelcast != null) {
            hazelcast.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    /** What Payara offers: an injectable JCache CacheManager (here an embedded Hazelcast member on loopback). */
    @ApplicationScoped
    static class PayaraLikeCacheManager {
        @Produces
        @Dependent
        CacheManager cacheManager() {
            return hazelcast.cacheManager(0);
        }
    }

    /** What a WildFly application adds: its clustered Infinispan cache as a bean. */
    @ApplicationScoped
    static class WildFlyLikeCache {
        static InfinispanGrid grid;

        @Produces
        @Dependent
        Cache<String, byte[]> cache() {
            return grid.cache(0);
        }
    }

    @Dependent
    static class DefaultClient {
        @Inject
        VerificationResultService results;
    }

    @Test
    void jcacheGridPacesTheExtensionsServiceThroughTheCluster() {
        Map<String, String> config = valid("tencentcloud.faceid.rate-limit.grid", "jcache",
                "tencentcloud.faceid.rate-limit.permits-per-second", "5",
                "tencentcloud.faceid.rate-limit.on-grid-failure", "local-share:2");
        ClusterRateLimiter limiter;
        int before = emulator.requests().size();
        try (Booted cdi = boot(config, PayaraLikeCacheManager.class, DefaultClient.class)) {
            Bean<?> bean = limiterBean(cdi);
            assertThat(bean).as("the RateLimiter bean").isNotNull();
            assertThat(bean.getBeanClass()).isEqualTo(ClusterRateLimitExtension.class);
            assertThat(bean.getScope()).isEqualTo(ApplicationScoped.class);

            VerificationResultService results = cdi.container.select(DefaultClient.class).get().results;
            long start = System.nanoTime();
            for (int i = 1; i <= 4; i++) {
                assertThat(results.getResult("passed-" + i).passed()).isTrue();
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            // 5 per second, burst 1: the 4th request waits for the 4th token, ~600 ms after the first
            assertThat(elapsedMillis).as("paced by the cluster bucket").isGreaterThanOrEqualTo(500);

            limiter = contextualInstance(cdi, bean);
            assertThat(limiter.settings().permits()).isEqualTo(5);
            assertThat(limiter.settings().onGridFailure().fallsBack()).isTrue();
            assertThat(limiter.key()).isEqualTo(ClusterRateLimiters.bucketKey(emulator.secretId(),
                    RateSettings.DEFAULT_ACTION));
            assertThat(limiter.gridAvailable()).isTrue();
            assertThat(limiter.toString()).contains("JCache cache '" + RateSettings.DEFAULT_CACHE_NAME + "'");
            javax.cache.Cache<Object, Object> cache = hazelcast.cacheManager(0)
                    .getCache(RateSettings.DEFAULT_CACHE_NAME);
            assertThat(cache).as("the cache the extension created in the grid").isNotNull();
            assertThat(cache.containsKey(limiter.key())).as("the account's bucket lives in the grid").isTrue();
        }
        assertThat(emulator.requests().size() - before).isEqualTo(4);
        assertThatThrownBy(limiter::tryAcquire).as("closed with the container")
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void infinispanGridUsesTheCacheBean() {
        WildFlyLikeCache.grid = new InfinispanGrid(1);
        try (InfinispanGrid grid = WildFlyLikeCache.grid;
             Booted cdi = boot(valid("tencentcloud.faceid.rate-limit.grid", "infinispan"), WildFlyLikeCache.class,
                     DefaultClient.class)) {
            VerificationResultService results = cdi.container.select(DefaultClient.class).get().results;
            assertThat(results.getResult("passed-ispn").passed()).isTrue();
            ClusterRateLimiter limiter = contextualInstance(cdi, limiterBean(cdi));
            assertThat(limiter.toString()).contains("Infinispan cache");
            assertThat(limiter.settings()).isEqualTo(RateSettings.defaults());
            assertThat(grid.cache(0).containsKey(limiter.key())).isTrue();
        }
    }

    @Test
    void infinispanGridFromJndiNeedsNoBean() {
        String name = "java:jboss/infinispan/cache/faceid/rate-limit";
        try (InfinispanGrid grid = new InfinispanGrid(1);
             TestJndi jndi = TestJndi.install().bind(name, grid.cache(0));
             Booted cdi = boot(valid("tencentcloud.faceid.rate-limit.grid", "infinispan",
                     "tencentcloud.faceid.rate-limit.jndi-name", name), DefaultClient.class)) {
            VerificationResultService results = cdi.container.select(DefaultClient.class).get().results;
            assertThat(results.getResult("passed-jndi").passed()).isTrue();
            ClusterRateLimiter limiter = contextualInstance(cdi, limiterBean(cdi));
            assertThat(limiter.toString()).contains("Infinispan cache");
            assertThat(grid.cache(0).containsKey(limiter.key())).as("the bucket is in the cache bound there").isTrue();
        }
    }

    @Test
    void aJndiNameThatDoesNotResolveFailsTheDeploymentNamingTheKey() {
        try (TestJndi jndi = TestJndi.install()) {
            assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "infinispan",
                    "tencentcloud.faceid.rate-limit.jndi-name", "java:jboss/infinispan/cache/faceid/missing"),
                    DefaultClient.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("tencentcloud.faceid.rate-limit.jndi-name")
                    .hasMessageContaining("java:jboss/infinispan/cache/faceid/missing");
        }
    }

    @Test
    void aJndiNameBindingTheWrongKindOfHandleFailsTheDeploymentNamingTheKey() {
        try (TestJndi jndi = TestJndi.install().bind("java:comp/env/grid", "not a cache manager")) {
            assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "jcache",
                    "tencentcloud.faceid.rate-limit.jndi-name", "java:comp/env/grid"), DefaultClient.class).close())
                    .isInstanceOf(DeploymentException.class)
                    .hasMessageContaining("tencentcloud.faceid.rate-limit.jndi-name")
                    .hasMessageContaining("java.lang.String, not a javax.cache.CacheManager");
        }
    }

    @Test
    void anUnknownGridFailsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "redis"),
                PayaraLikeCacheManager.class, DefaultClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.rate-limit.grid")
                .hasMessageContaining("redis");
    }

    @Test
    void jcacheWithoutACacheManagerBeanFailsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "jcache"),
                DefaultClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.rate-limit.grid")
                .hasMessageContaining("javax.cache.CacheManager bean");
    }

    @Test
    void infinispanWithoutACacheBeanFailsTheDeploymentNamingTheKey() {
        assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "infinispan"),
                PayaraLikeCacheManager.class, DefaultClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.rate-limit.grid")
                .hasMessageContaining("org.infinispan.Cache<String, byte[]>");
    }

    @Test
    void badSettingsFailTheDeploymentNamingTheirKeys() {
        assertThatThrownBy(() -> boot(valid("tencentcloud.faceid.rate-limit.grid", "jcache",
                "tencentcloud.faceid.rate-limit.burst", "0",
                "tencentcloud.faceid.rate-limit.on-grid-failure", "fail-open"),
                PayaraLikeCacheManager.class, DefaultClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.rate-limit.burst")
                .hasMessageContaining("tencentcloud.faceid.rate-limit.on-grid-failure");
    }

    @Test
    void aGridWithoutAnAccountFailsTheDeploymentNamingTheSecretIdKey() {
        Map<String, String> config = valid("tencentcloud.faceid.rate-limit.grid", "jcache");
        config.remove("tencentcloud.faceid.secret-id");
        assertThatThrownBy(() -> boot(config, PayaraLikeCacheManager.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.secret-id")
                .hasMessageContaining("keeps one budget per account");
    }

    @Test
    void withoutTheGridKeyNoLimiterBeanIsAddedAndTheLocalLimiterStays() {
        int before = emulator.requests().size();
        try (Booted cdi = boot(valid(), PayaraLikeCacheManager.class, DefaultClient.class)) {
            assertThat(cdi.container.getBeanManager().getBeans(RateLimiter.class)).isEmpty();
            VerificationResultService results = cdi.container.select(DefaultClient.class).get().results;
            assertThat(results.getResult("passed-local").passed()).isTrue();
        }
        assertThat(emulator.requests().size() - before).isEqualTo(1);
    }

    @Dependent
    static class TwoAccounts {
        @Inject
        VerificationResultService results;
        @Inject
        @io.github.faceid4j.cdi.FaceIdClient("payouts")
        VerificationResultService payouts;
        @Inject
        @io.github.faceid4j.cdi.FaceIdClient("same")
        VerificationResultService same;
    }

    @Test
    void eachAccountHasItsOwnBucketNamedClientsOfTheSameAccountShareIt() {
        String other = "AKIDPAYOUTSACCOUNT0000000000000000";
        Map<String, String> config = valid("tencentcloud.faceid.rate-limit.grid", "jcache",
                "tencentcloud.faceid.payouts.secret-id", other,
                "tencentcloud.faceid.payouts.secret-key", "payouts-key-not-real",
                "tencentcloud.faceid.same.region", "ap-singapore");
        try (Booted cdi = boot(config, PayaraLikeCacheManager.class, TwoAccounts.class)) {
            TwoAccounts clients = cdi.container.select(TwoAccounts.class).get();
            assertThat(clients.results.getResult("passed-default").passed()).isTrue();
            assertThat(clients.same.getResult("passed-same").passed()).isTrue();
            assertThatThrownBy(() -> clients.payouts.getResult("passed-payouts"))
                    .isInstanceOf(io.github.faceid4j.AuthenticationException.class); // the emulator knows one account
            javax.cache.Cache<Object, Object> cache = hazelcast.cacheManager(0)
                    .getCache(RateSettings.DEFAULT_CACHE_NAME);
            assertThat(cache.containsKey(ClusterRateLimiters.bucketKey(emulator.secretId(), RateSettings.DEFAULT_ACTION)))
                    .isTrue();
            assertThat(cache.containsKey(ClusterRateLimiters.bucketKey(other, RateSettings.DEFAULT_ACTION)))
                    .as("the payouts account's own bucket").isTrue();
        }
    }

    @Test
    void switchedOffAsTheFaceIdExtensionReadsItAddsNoClusterLimiterEither() {
        for (String off : new String[] {"false", "off", "no", "0", " OFF "}) {
            // a grid that could not be set up: had this extension not read the switch as off, the deployment fails
            try (Booted cdi = boot(valid("tencentcloud.faceid.rate-limit.grid", "infinispan",
                    "tencentcloud.faceid.enabled", off), PayaraLikeCacheManager.class)) {
                assertThat(cdi.container.getBeanManager().getBeans(RateLimiter.class)).as(off).isEmpty();
                assertThat(cdi.container.getBeanManager().getBeans(VerificationResultService.class)).as(off).isEmpty();
            }
        }
    }

    // --- Weld SE + SmallRye Config, as in the CDI extension's tests ---

    record Booted(WeldContainer container, Config config) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (container.isRunning()) {
                    container.shutdown();
                }
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    private static Bean<?> limiterBean(Booted cdi) {
        BeanManager beanManager = cdi.container.getBeanManager();
        return beanManager.resolve(beanManager.getBeans(RateLimiter.class));
    }

    /** The limiter itself behind the client proxy (created by the calls made before). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ClusterRateLimiter contextualInstance(Booted cdi, Bean<?> bean) {
        Object instance = cdi.container.getBeanManager().getContext(ApplicationScoped.class).get((Bean) bean);
        assertThat(instance).isInstanceOf(ClusterRateLimiter.class);
        return (ClusterRateLimiter) instance;
    }

    private static Map<String, String> valid(String... extra) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("tencentcloud.faceid.region", "ap-singapore");
        map.put("tencentcloud.faceid.endpoint", emulator.endpoint().toString());
        map.put("tencentcloud.faceid.secret-id", emulator.secretId());
        map.put("tencentcloud.faceid.secret-key", emulator.secretKey());
        for (int i = 0; i < extra.length; i += 2) {
            map.put(extra[i], extra[i + 1]);
        }
        return map;
    }

    /** Discovery off; the FaceID extension and this module's extension as found through META-INF/services. */
    private static Booted boot(Map<String, String> values, Class<?>... beanClasses) {
        Config config = new SmallRyeConfigBuilder().withSources(new MapSource("test-map", values, 500)).build();
        ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        try {
            Weld weld = new Weld("faceid-cluster-test-" + IDS.incrementAndGet())
                    .disableDiscovery()
                    .skipShutdownHook()
                    .beanClasses(beanClasses);
            List<Extension> ours = new ArrayList<>();
            ServiceLoader.load(Extension.class).stream()
                    .filter(p -> p.type().getPackageName().equals("io.github.faceid4j.cdi")
                            || p.type().getPackageName().equals(ClusterRateLimitExtension.class.getPackageName()))
                    .forEach(p -> ours.add(p.get()));
            assertThat(ours).extracting(e -> e.getClass().getSimpleName())
                    .contains("FaceIdExtension", "ClusterRateLimitExtension");
            ours.forEach(weld::addExtension);
            return new Booted(weld.initialize(), config);
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }
}
