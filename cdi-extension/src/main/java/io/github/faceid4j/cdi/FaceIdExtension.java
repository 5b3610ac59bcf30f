package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.inject.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Adds application-scoped {@link VerificationResultService} beans built from MicroProfile Config
 * ({@code tencentcloud.faceid.*}; the keys are listed in docs/configuration.md).
 *
 * <ul>
 *   <li>The unnamed configuration gives the {@code @Default} bean; {@code @FaceIdClient("name")} injection points
 *       give named beans ({@code tencentcloud.faceid.name.*}, falling back to the unnamed keys). When the application
 *       injects only named clients, the default bean is added only if its configuration is complete.</li>
 *   <li>Services are built lazily, on first use, by {@link io.github.faceid4j.client.FaceIdServiceBuilder}, but
 *       their configuration is checked at deployment: every problem is reported at once, each naming its key.</li>
 *   <li>The beans are not alternatives: an application's {@code @Alternative @Priority} bean replaces them (and
 *       the replaced configuration is then not checked). {@code tencentcloud.faceid.enabled=false} adds nothing.</li>
 *   <li>Each service is closed when the container shuts down; every call fires a {@link VerificationCallEvent}.</li>
 *   <li>An application bean of type {@link RateLimiter} (qualified {@code @FaceIdClient("name")} for one named
 *       client, else {@code @Default} for all) paces the service instead of the local limiter, e.g. a cluster-wide
 *       limiter on the server's data grid; two such beans for one client fail the deployment.</li>
 * </ul>
 *
 * <p>Portable CDI 4.0 only: registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class FaceIdExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(FaceIdExtension.class.getName());

    /** Client name → descriptions of the injection points asking for it. */
    private final Map<String, List<String>> namedInjectionPoints = new ConcurrentHashMap<>();
    private volatile boolean defaultInjected;

    private final List<FaceIdConfigurationException> startupProblems = new CopyOnWriteArrayList<>();
    /** Clients a bean was added for; {@code null} name for the default. */
    private final List<ClientBean> clients = new CopyOnWriteArrayList<>();
    private volatile boolean disabled;
    private volatile Config config;

    /** A bean this extension added: the client name ({@code null} for the default) and its qualifier. */
    private record ClientBean(String name, Annotation qualifier) {
    }

    void collectInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        Type type = ip.getType();
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == Instance.class || parameterized.getRawType() == Provider.class)) {
            type = parameterized.getActualTypeArguments()[0];
        }
        if (type != VerificationResultService.class) {
            return;
        }
        FaceIdClient named = null;
        boolean isDefault = true;
        for (Annotation qualifier : ip.getQualifiers()) {
            if (qualifier instanceof FaceIdClient client) {
                named = client;
            } else if (!(qualifier instanceof Default)) {
                isDefault = false; // @Any, or another qualifier: not ours to satisfy
            }
        }
        if (named != null) {
            namedInjectionPoints.computeIfAbsent(named.value(), n -> new CopyOnWriteArrayList<>()).add(describe(ip));
        } else if (isDefault) {
            defaultInjected = true;
        }
    }

    void addBeans(@Observes AfterBeanDiscovery event, BeanManager beanManager) {
        Config cfg;
        try {
            cfg = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            startupProblems.add(new FaceIdConfigurationException(ConfigKeys.PREFIX,
                    "MicroProfile Config is not available (" + e.getClass().getSimpleName() + "); the FaceID"
                            + " extension needs an implementation, or set " + ConfigKeys.ENABLED + "=false"));
            cfg = null;
        }
        config = cfg;
        if (cfg != null) {
            try {
                Optional<Boolean> enabled = ClientConfiguration.get(cfg, ConfigKeys.ENABLED).map(Values::bool);
                if (enabled.isPresent() && !enabled.get()) {
                    disabled = true;
                    LOG.info("FaceID: " + ConfigKeys.ENABLED + "=false, no VerificationResultService bean added");
                    return;
                }
            } catch (FaceIdConfigurationException e) {
                startupProblems.add(e);
            } catch (IllegalArgumentException e) {
                startupProblems.add(new FaceIdConfigurationException(ConfigKeys.ENABLED, e.getMessage()));
            }
            warnAboutUnknownKeys(cfg);
        }

        boolean defaultRequired = defaultInjected || namedInjectionPoints.isEmpty();
        if (defaultRequired || (cfg != null && ClientConfiguration.translate(cfg, null).problems().isEmpty())) {
            addBean(event, beanManager, null);
        }
        namedInjectionPoints.keySet().forEach(name -> addBean(event, beanManager, name));
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        if (disabled) {
            return;
        }
        Map<String, FaceIdConfigurationException> problems = new LinkedHashMap<>(); // by message: clients share keys
        startupProblems.forEach(p -> problems.putIfAbsent(p.getMessage(), p));
        Config cfg = config;
        if (cfg != null) {
            for (ClientBean client : clients) {
                if (replacedByApplication(beanManager, client)) {
                    continue;
                }
                for (FaceIdConfigurationException p : problems(cfg, client.name())) {
                    problems.putIfAbsent(p.getMessage(), p);
                }
                rateLimiterProblem(beanManager, client.name()).ifPresent(p -> problems.putIfAbsent(p.getMessage(), p));
            }
        }
        problems.values().forEach(event::addDeploymentProblem);
    }

    private List<FaceIdConfigurationException> problems(Config cfg, String name) {
        if (name != null) {
            String key = ConfigKeys.PREFIX + "." + name;
            String where = String.join(", ", namedInjectionPoints.getOrDefault(name, List.of()));
            if (!ConfigKeys.validName(name)) {
                return List.of(new FaceIdConfigurationException(key, "@FaceIdClient(\"" + name + "\") at " + where
                        + ": a client name may use only letters, digits, '-' and '_'"));
            }
            if (!ClientConfiguration.hasOwnKeys(cfg, name)) {
                return List.of(new FaceIdConfigurationException(key, "unknown FaceID client '" + name
                        + "' injected at " + where + ": no " + key + ".* key is set (at least "
                        + ConfigKeys.key(name, "region") + " or another " + key + ".* key is needed)"));
            }
        }
        return ClientConfiguration.translate(cfg, name).problems();
    }

    private void addBean(AfterBeanDiscovery event, BeanManager beanManager, String name) {
        Annotation qualifier = name == null ? Default.Literal.INSTANCE : FaceIdClient.Literal.of(name);
        clients.add(new ClientBean(name, qualifier));
        event.<VerificationResultService>addBean()
                .beanClass(FaceIdExtension.class)
                .id(FaceIdExtension.class.getName() + "#" + (name == null ? "" : name))
                .types(VerificationResultService.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(creationalContext -> create(beanManager, name))
                .destroyWith((service, creationalContext) -> service.close());
    }

    /** Builds the service on first use, from the configuration checked at deployment. */
    private VerificationResultService create(BeanManager beanManager, String name) {
        Config cfg = config;
        if (cfg == null) {
            throw new FaceIdConfigurationException(ConfigKeys.PREFIX, "MicroProfile Config is not available");
        }
        ClientConfiguration.Translation translation = ClientConfiguration.translate(cfg, name);
        if (!translation.problems().isEmpty()) {
            FaceIdConfigurationException first = translation.problems().get(0);
            translation.problems().subList(1, translation.problems().size()).forEach(first::addSuppressed);
            throw first;
        }
        Event<VerificationCallEvent> events = name == null
                ? beanManager.getEvent().select(VerificationCallEvent.class)
                : beanManager.getEvent().select(VerificationCallEvent.class, FaceIdClient.Literal.of(name));
        applicationRateLimiter(beanManager, name).ifPresent(translation.builder()::rateLimiter);
        return new ObservedVerificationResultService(translation.builder().build(),
                name == null ? VerificationCallEvent.DEFAULT_CLIENT : name, events::fire);
    }

    /**
     * The application's {@link RateLimiter} bean for this client, e.g. a cluster-wide limiter on the server's data
     * grid: one qualified {@code @FaceIdClient(name)}, else the {@code @Default} one. None: the builder's local limiter.
     */
    private static Optional<RateLimiter> applicationRateLimiter(BeanManager beanManager, String name) {
        Bean<?> bean = rateLimiterBean(beanManager, name);
        return bean == null ? Optional.empty() : Optional.of((RateLimiter) beanManager.getReference(bean,
                RateLimiter.class, beanManager.createCreationalContext(bean)));
    }

    /** @throws AmbiguousResolutionException when two beans qualify at the same level */
    private static Bean<?> rateLimiterBean(BeanManager beanManager, String name) {
        List<Annotation> qualifiers = name == null ? List.of(Default.Literal.INSTANCE)
                : List.of(FaceIdClient.Literal.of(name), Default.Literal.INSTANCE);
        for (Annotation qualifier : qualifiers) {
            Set<Bean<?>> beans = beanManager.getBeans(RateLimiter.class, qualifier);
            if (!beans.isEmpty()) {
                return beanManager.resolve(beans);
            }
        }
        return null;
    }

    private static Optional<FaceIdConfigurationException> rateLimiterProblem(BeanManager beanManager, String name) {
        try {
            rateLimiterBean(beanManager, name);
            return Optional.empty();
        } catch (AmbiguousResolutionException e) {
            return Optional.of(new FaceIdConfigurationException("rateLimiter", "more than one RateLimiter bean for the "
                    + (name == null ? "default FaceID client" : "FaceID client '" + name + "'") + ": "
                    + e.getMessage()));
        }
    }

    /** Whether typesafe resolution picks another bean (an application alternative) for this client's qualifier. */
    private static boolean replacedByApplication(BeanManager beanManager, ClientBean client) {
        try {
            Set<Bean<?>> beans = beanManager.getBeans(VerificationResultService.class, client.qualifier());
            Bean<?> chosen = beanManager.resolve(beans);
            return chosen != null && chosen.getBeanClass() != FaceIdExtension.class;
        } catch (AmbiguousResolutionException e) {
            return false;
        }
    }

    /**
     * Logs (names only, never values) keys under the prefix that no client reads: usually a typo. Environment
     * variables are judged in their own form: SmallRye Config lists {@code TENCENTCLOUD_FACEID_SECRET_ID} as
     * {@code tencentcloud.faceid.secret.id}, which is no key, so a dotted name that some source holds as an
     * environment variable is checked (and reported) as that variable.
     */
    private static void warnAboutUnknownKeys(Config cfg) {
        Set<String> suffixes = ConfigKeys.suffixes();
        Set<String> names = new LinkedHashSet<>();
        try {
            cfg.getPropertyNames().forEach(names::add);
            for (ConfigSource source : cfg.getConfigSources()) {
                names.addAll(source.getPropertyNames());
            }
        } catch (RuntimeException e) {
            return; // a source that cannot list its names: nothing to warn about
        }
        Set<String> environmentNames = new LinkedHashSet<>();
        names.stream().filter(ConfigKeys::isEnvironmentName).forEach(environmentNames::add);
        Set<String> unknown = new LinkedHashSet<>();
        for (String property : names) {
            if (otherModulesOrGlobal(property)) {
                continue;
            }
            if (property.startsWith(ConfigKeys.PREFIX + ".")) {
                if (!ConfigKeys.known(property.substring(ConfigKeys.PREFIX.length() + 1))
                        && !environmentNames.contains(ConfigKeys.environmentForm(property))) {
                    unknown.add(property);
                }
            } else if (environmentNames.contains(property) && !ConfigKeys.knownEnvironmentName(property)) {
                unknown.add(property);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.log(Level.WARNING, "FaceID: ignoring unrecognised configuration keys {0}; known keys per client: {1}",
                    new Object[] {List.copyOf(unknown), suffixes});
        }
    }

    /** The global switch and the cluster limiter's keys, in either form: read elsewhere, never warned about. */
    private static boolean otherModulesOrGlobal(String property) {
        return ConfigKeys.sameInEnvironmentForm(property, ConfigKeys.ENABLED)
                || ConfigKeys.CLUSTER_RATE_LIMIT_KEYS.stream()
                        .anyMatch(key -> ConfigKeys.sameInEnvironmentForm(property, key));
    }

    private static String describe(InjectionPoint ip) {
        Member member = ip.getMember();
        if (member == null) {
            return String.valueOf(ip);
        }
        return member.getDeclaringClass().getName() + "." + member.getName();
    }
}
