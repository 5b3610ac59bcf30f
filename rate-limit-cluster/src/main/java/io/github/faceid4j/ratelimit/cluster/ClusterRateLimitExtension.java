package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.internal.AccountRateLimiters;
import io.github.faceid4j.client.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    private static final String LOCAL_SHARE = "local-share:";

    private static final Logger LOG = Logger.getLogger(ClusterRateLimitExtension.class.getName());

    /** The grids this extension can use, by their configuration value. */
    enum Grid {
        JCACHE("jcache", "a javax.cache.CacheManager bean (Payara injects Hazelcast's)"),
        INFINISPAN("infinispan", "an org.infinispan.Cache<String, byte[]> or org.infinispan.manager"
                + ".EmbeddedCacheManager bean (e.g. a @Produces @Resource field over WildFly's cache)");

        final String value;
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
    }

    /** What the bean is made from, read and checked at deployment. */
    record Setup(Grid grid, String secretId, RateSettings settings, Optional<String> jndiName) {
    }

    private final List<FaceIdConfigurationException> problems = new CopyOnWriteArrayList<>();
    private volatile Grid grid;
    private volatile Optional<String> jndiName = Optional.empty();
    /**
     * The grid handle found at {@link #JNDI_NAME} at deployment. Kept, not looked up again: the limiter is made on
     * first use, on whatever thread that is, and a server's {@code java:comp} names resolve on its own threads only.
     */
    private volatile Object jndiHandle;
    private volatile Setup setup;

    /**
     * {@code tencentcloud.faceid.enabled} read as the FaceID extension reads it (one parser); a value that is not a
     * boolean is reported by that extension, and adds no cluster limiter here either.
     */
    private static boolean enabledOrReported(String value) {
        try {
            return io.github.faceid4j.client.internal.ConfigValues.bool(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    void addBean(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            return; // no MicroProfile Config: no grid chosen (the FaceID extension reports the missing config)
        }
        Optional<String> value;
        try {
            Optional<String> enabled = config.getOptionalValue(ENABLED, String.class);
            if (enabled.isPresent() && !enabledOrReported(enabled.get())) {
                return;
            }
            value = config.getOptionalValue(GRID, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(GRID, "cannot be read: " + e.getMessage()));
            return;
        }
        if (value.isEmpty()) {
            return; // the local limiter stays the default
        }
        Optional<Grid> chosen = Grid.of(value.get().toLowerCase(Locale.ROOT));
        if (chosen.isEmpty()) {
            problems.add(new FaceIdConfigurationException(GRID, "unknown data grid '" + value.get() + "'; use "
                    + Grid.JCACHE.value + " (" + Grid.JCACHE.needs + ") or " + Grid.INFINISPAN.value + " ("
                    + Grid.INFINISPAN.needs + "), or remove the key for the local limiter"));
            return;
        }
        grid = chosen.get();
        jndiName = text(config, JNDI_NAME);
        Optional<String> secretId = secretId(config);
        Optional<RateSettings> settings = settings(config);
        if (secretId.isEmpty()) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "the cluster rate limit (" + GRID + "="
                    + grid.value + ") keeps one budget per account, but neither " + SECRET_ID + " nor "
                    + ENV_SECRET_ID + " is set"));
        }
        if (secretId.isPresent() && settings.isPresent()) {
            setup = new Setup(grid, secretId.get(), settings.get(), jndiName);
        }
        Grid on = grid;
        event.<RateLimiter>addBean()
                .beanClass(ClusterRateLimitExtension.class)
                .id(ClusterRateLimitExtension.class.getName() + "#" + on.value)
                .types(RateLimiter.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> create(beanManager, context))
                .destroyWith((limiter, context) -> {
                    if (limiter instanceof ClusterRateLimiter cluster) {
                        cluster.close();
                    }
                    context.release();
                });
        // one bucket per account: named clients configured with a SecretId of their own ask for theirs here
        event.<AccountRateLimiters>addBean()
                .beanClass(ClusterRateLimitExtension.class)
                .id(ClusterRateLimitExtension.class.getName() + "#accounts#" + on.value)
                .types(AccountRateLimiters.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(context -> new PerAccount(account -> create(beanManager, context, account)))
                .destroyWith((accounts, context) -> {
                    ((PerAccount) accounts).close();
                    context.release();
                });
        LOG.info(() -> "FaceID: cluster-wide rate limit on the " + on.value + " grid (" + GRID + ")");
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        Grid on = grid;
        if (on != null && problems.isEmpty()) {
            Optional<String> name = jndiName;
            if (name.isPresent()) {
                jndiProblem(on, name.get()).ifPresent(problems::add);
            } else {
                gridProblem(beanManager, on).ifPresent(problem -> problems.add(
                        new FaceIdConfigurationException(GRID, on.value + " needs " + problem)));
            }
        }
        problems.forEach(event::addDeploymentProblem);
    }

    /** The limiter, on first use: looks up the grid handle bean now. */
    private RateLimiter create(BeanManager beanManager, CreationalContext<RateLimiter> context) {
        Setup s = setup;
        if (s == null) {
            throw new FaceIdConfigurationException(GRID, "the cluster rate limit is not configured completely");
        }
        return create(beanManager, context, s.secretId());
    }

    /** The limiter of one account on the configured grid, with the configured settings. */
    private ClusterRateLimiter create(BeanManager beanManager, CreationalContext<?> context, String secretId) {
        Setup s = setup;
        if (s == null) {
            throw new FaceIdConfigurationException(GRID, "the cluster rate limit is not configured completely");
        }
        if (s.jndiName().isPresent()) {
            Object found = jndiHandle;
            Object handle = found != null ? found : lookUp(s.jndiName().get());
            return switch (s.grid()) {
                case JCACHE -> JCacheGridHandle.limiter(handle, secretId, s.settings());
                case INFINISPAN -> InfinispanGridHandle.limiter(handle, secretId, s.settings());
            };
        }
        return switch (s.grid()) {
            case JCACHE -> JCacheGridHandle.limiter(beanManager, context, secretId, s.settings());
            case INFINISPAN -> InfinispanGridHandle.limiter(beanManager, context, secretId, s.settings());
        };
    }

    /** The grid handle bound at {@code name}; a configuration error naming {@value #JNDI_NAME} when there is none. */
    private static Object lookUp(String name) {
        try {
            Object handle = new javax.naming.InitialContext().lookup(name);
            if (handle == null) {
                throw new FaceIdConfigurationException(JNDI_NAME, "nothing is bound at '" + name + "'");
            }
            return handle;
        } catch (javax.naming.NamingException e) {
            throw new FaceIdConfigurationException(JNDI_NAME, "cannot look up '" + name + "': " + e);
        }
    }

    /**
     * Why the grid handle at {@code name} cannot serve {@code grid}, if it cannot: looked up at deployment, and kept
     * when it can.
     */
    private Optional<FaceIdConfigurationException> jndiProblem(Grid grid, String name) {
        try {
            Optional<String> classes = switch (grid) {
                case JCACHE -> JCacheGridHandle.classProblem();
                case INFINISPAN -> InfinispanGridHandle.classProblem();
            };
            if (classes.isPresent()) {
                return Optional.of(new FaceIdConfigurationException(GRID, grid.value + " needs " + classes.get()));
            }
            Object handle = lookUp(name);
            Optional<String> type = switch (grid) {
                case JCACHE -> JCacheGridHandle.typeProblem(handle);
                case INFINISPAN -> InfinispanGridHandle.typeProblem(handle);
            };
            if (type.isEmpty()) {
                jndiHandle = handle;
            }
            return type.map(problem -> new FaceIdConfigurationException(JNDI_NAME, "'" + name + "' is " + problem));
        } catch (FaceIdConfigurationException e) {
            return Optional.of(e);
        } catch (LinkageError e) {
            return Optional.of(new FaceIdConfigurationException(GRID, grid.value + " needs its API on the class path ("
                    + e.getMessage() + ")"));
        }
    }

    /** One limiter per account, made on first use, closed with the container. */
    static final class PerAccount implements AccountRateLimiters {
        private final java.util.function.Function<String, ClusterRateLimiter> factory;
        private final java.util.Map<String, ClusterRateLimiter> limiters = new java.util.concurrent.ConcurrentHashMap<>();

        PerAccount(java.util.function.Function<String, ClusterRateLimiter> factory) {
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

    /** Why the grid handle or the grid's classes are missing, if they are. */
    private static Optional<String> gridProblem(BeanManager beanManager, Grid grid) {
        try {
            return switch (grid) {
                case JCACHE -> JCacheGridHandle.problem(beanManager);
                case INFINISPAN -> InfinispanGridHandle.problem(beanManager);
            };
        } catch (LinkageError e) {
            return Optional.of("its API on the class path (" + e.getMessage() + "); " + (grid == Grid.JCACHE
                    ? "javax.cache:cache-api (provided by Payara) and com.bucket4j:bucket4j_jdk17-jcache"
                    : "Infinispan (provided by WildFly) and com.bucket4j:bucket4j_jdk17-infinispan"));
        }
    }

    private Optional<String> secretId(Config config) {
        try {
            return config.getOptionalValue(SECRET_ID, String.class)
                    .or(() -> config.getOptionalValue(ENV_SECRET_ID, String.class))
                    .map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The settings from configuration; empty (and a problem per bad key recorded) when a value is bad. */
    private Optional<RateSettings> settings(Config config) {
        int before = problems.size();
        RateSettings.Builder builder = RateSettings.defaults().toBuilder();
        positiveInt(config, PERMITS_PER_SECOND).ifPresent(n -> builder.rate(n, Duration.ofSeconds(1)));
        positiveInt(config, BURST).ifPresent(builder::burst);
        text(config, ON_GRID_FAILURE).ifPresent(v -> policy(v).ifPresent(builder::onGridFailure));
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (FaceIdConfigurationException e) {
            problems.add(new FaceIdConfigurationException(PREFIX, e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<GridFailurePolicy> policy(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("fail-closed")) {
            return Optional.of(GridFailurePolicy.failClosed());
        }
        if (v.startsWith(LOCAL_SHARE)) {
            try {
                int nodes = Integer.parseInt(v.substring(LOCAL_SHARE.length()).trim());
                if (nodes >= 1) {
                    return Optional.of(GridFailurePolicy.fallbackToLocalShare(nodes));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(new FaceIdConfigurationException(ON_GRID_FAILURE, "must be fail-closed or local-share:<expected"
                + " nodes, at least 1>, was '" + value + "'"));
        return Optional.empty();
    }

    private Optional<Integer> positiveInt(Config config, String key) {
        return text(config, key).flatMap(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new FaceIdConfigurationException(key, "must be a whole number of at least 1, was '"
                    + value + "'"));
            return Optional.empty();
        });
    }

    private Optional<String> text(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(key, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
