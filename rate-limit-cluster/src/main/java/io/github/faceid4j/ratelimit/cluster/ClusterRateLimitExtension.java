package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.RateLimiter;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;

/**
 * Adds a cluster-wide {@link RateLimiter} bean when MicroProfile Config says which data grid to use, so that an
 * application only has the grid handle as a bean, not the limiter:
 *
 * <ul>
 *   <li>{@value #GRID}{@code =jcache}: a {@code javax.cache.CacheManager} bean (Payara injects Hazelcast's); the
 *       limiter uses its cache {@value RateSettings#DEFAULT_CACHE_NAME}, created when missing
 *       ({@link JCacheRateLimiters#of(javax.cache.CacheManager, String, RateSettings)}).</li>
 *   <li>{@value #GRID}{@code =infinispan}: an {@code org.infinispan.Cache<String, byte[]>} bean (e.g. a resource
 *       producer field over WildFly's {@code java:jboss/infinispan/cache/<container>/<cache>}), else an
 *       {@code org.infinispan.manager.EmbeddedCacheManager} bean whose cache {@value RateSettings#DEFAULT_CACHE_NAME}
 *       is used ({@link InfinispanRateLimiters}).</li>
 * </ul>
 *
 * <p>The bean is {@code @ApplicationScoped @Default} of type {@link RateLimiter}, so the FaceID CDI extension hands it
 * to the unnamed client and to every named client without a limiter bean of its own. It is made on first use (the
 * grid handle is looked up then) and closed when the container shuts down. The account is
 * {@value #SECRET_ID} (else {@value #ENV_SECRET_ID}, read through MicroProfile Config); {@value #PERMITS_PER_SECOND},
 * {@value #BURST} and {@value #ON_GRID_FAILURE} ({@code fail-closed} or {@code local-share:<nodes>}) shape the
 * bucket. {@value #JNDI_NAME} names the grid handle in JNDI instead of a bean (a server's own cache, configured
 * without code). Without {@value #GRID} nothing is added and the local limiter stays the default. An unknown grid, a
 * missing grid handle (bean or JNDI name) or a bad value fails the deployment, naming the key.
 *
 * <p>Only CDI and MicroProfile Config are touched until the configured grid is needed: the JCache and Infinispan
 * parts live in classes of their own, loaded for the configured grid only.
 */
public class ClusterRateLimitExtension implements Extension {

    /** Prefix of this extension's keys. */
    public static final String PREFIX = "tencentcloud.faceid.rate-limit";
    /** {@code jcache} or {@code infinispan}; absent: no limiter bean is added. */
    public static final String GRID = PREFIX + ".grid";
    /** Tokens per second for the whole cluster; default {@value RateSettings#DEFAULT_PERMITS}. */
    public static final String PERMITS_PER_SECOND = PREFIX + ".permits-per-second";
    /** The bucket's capacity; default {@value RateSettings#DEFAULT_BURST}. */
    public static final String BURST = PREFIX + ".burst";
    /** {@code fail-closed} (default) or {@code local-share:<expected nodes>}. */
    public static final String ON_GRID_FAILURE = PREFIX + ".on-grid-failure";
    /**
     * Where the grid handle is in JNDI (e.g. WildFly's {@code java:jboss/infinispan/cache/<container>/<cache>}), so
     * that no bean is needed: an {@code org.infinispan.Cache} for {@code infinispan}, a {@code javax.cache.CacheManager}
     * for {@code jcache}. Looked up at deployment (a name that does not resolve fails it) and when the limiter is made.
     */
    public static final String JNDI_NAME = PREFIX + ".jndi-name";
    /** The account whose budget is shared: the FaceID extension's unnamed SecretId. */
    public static final String SECRET_ID = "tencentcloud.faceid.secret-id";
    /** The environment variable of the SecretId, read when the configuration has none. */
    public static final String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    static final String ENABLED = "tencentcloud.faceid.enabled";

    // This class only observes the container. ClusterConfiguration reads and checks the keys, GridHandleLookup finds
    // the grid handle (a bean or a JNDI name) and Grid the classes that speak to it, LimiterBeans adds the beans and
    // makes and closes the limiters.

    private static final Logger LOG = Logger.getLogger(ClusterRateLimitExtension.class.getName());

    private final List<FaceIdConfigurationException> problems = new CopyOnWriteArrayList<>();
    /** The configured grid's handle; null when no grid is chosen. */
    private volatile GridHandleLookup handles;

    void addBean(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        ClusterConfiguration configuration = ClusterConfiguration.read();
        problems.addAll(configuration.problems());
        configuration.grid().ifPresent(grid -> {
            GridHandleLookup lookup = new GridHandleLookup(grid, configuration.jndiName());
            LimiterBeans.add(event, beanManager, grid, lookup, configuration.setup().orElse(null));
            handles = lookup;
            LOG.info(() -> "FaceID: cluster-wide rate limit on the " + grid.value + " grid (" + GRID + ")");
        });
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        GridHandleLookup lookup = handles;
        if (lookup != null && problems.isEmpty()) {
            lookup.problem(beanManager).ifPresent(problems::add);
        }
        problems.forEach(event::addDeploymentProblem);
    }
}
