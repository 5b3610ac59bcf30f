package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.client.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
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

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
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
 *   <li>Where the server has MicroProfile Health, each client gets a {@code @Readiness} check ({@code faceid},
 *       {@code faceid-<name>}) fed by those events: see {@link ClientHealth}.</li>
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
    private final boolean healthApi = ClientHealth.healthApiPresent();
    /** The class of an application bean that injects a client: where the readiness checks are placed. */
    private volatile Class<?> injectingBeanClass;

    /**
     * A client this extension added beans for: its name ({@code null} for the default), its qualifier, and what
     * builds its services on first use.
     */
    private record ClientBean(String name, Annotation qualifier, ClientServices services) {
    }

    void collectInjectionPoints(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint ip = event.getInjectionPoint();
        Type type = ip.getType();
        if (type instanceof ParameterizedType parameterized
                && (parameterized.getRawType() == Instance.class || parameterized.getRawType() == Provider.class)) {
            type = parameterized.getActualTypeArguments()[0];
        }
        if (type != VerificationResultService.class && type != VerificationStartService.class) {
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
        if (injectingBeanClass == null && ip.getBean() != null) {
            injectingBeanClass = ip.getBean().getBeanClass();
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
            UnknownKeys.warnAbout(cfg);
        }

        boolean defaultRequired = defaultInjected || namedInjectionPoints.isEmpty();
        if (defaultRequired || (cfg != null && ClientConfiguration.translate(cfg, null).problems().isEmpty())) {
            addBean(event, beanManager, null);
        }
        namedInjectionPoints.keySet().forEach(name -> addBean(event, beanManager, name));
        if (!clients.isEmpty()) {
            List<String> checks = clients.stream().map(c -> c.services().health().checkName()).sorted().toList();
            LOG.log(healthApi ? Level.INFO : Level.FINE, healthApi
                    ? "FaceID: MicroProfile Health readiness checks " + checks
                    : "FaceID: no MicroProfile Health API here, so no readiness checks " + checks);
        }
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
                RateLimiterBeans.problem(beanManager, client.name()).ifPresent(p -> problems.putIfAbsent(p.getMessage(), p));
            }
        }
        if (!clients.isEmpty() && ContainerTelemetry.apiPresent()) {
            ContainerTelemetry.problem(beanManager).ifPresent(p -> problems.putIfAbsent(p.getMessage(), p));
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
        ClientServices services = new ClientServices(config, name, startupProblems::add);
        clients.add(new ClientBean(name, qualifier, services));
        if (healthApi) {
            // MicroProfile Health: only where the server has it. In the bean archive of an application bean that
            // injects a client, when there is one: WildFly's health extension looks for checks in the deployment's
            // root archive (a WAR's WEB-INF/classes), not in the one it makes for this extension's jar.
            Class<?> archive = injectingBeanClass;
            FaceIdReadinessCheck.register(event, services.health(), archive == null ? FaceIdExtension.class : archive);
        }
        event.<VerificationResultService>addBean()
                .beanClass(FaceIdExtension.class)
                .id(FaceIdExtension.class.getName() + "#" + (name == null ? "" : name))
                .types(VerificationResultService.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(creationalContext -> services.resultService(beanManager))
                .destroyWith((service, creationalContext) -> service.close());
        // The same client's start-a-verification service: same configuration and qualifier, Apply's own rate budget.
        event.<VerificationStartService>addBean()
                .beanClass(FaceIdExtension.class)
                .id(FaceIdExtension.class.getName() + "#start#" + (name == null ? "" : name))
                .types(VerificationStartService.class, Object.class)
                .qualifiers(qualifier, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(creationalContext -> services.startService(beanManager))
                .destroyWith((service, creationalContext) -> service.close());
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

    private static String describe(InjectionPoint ip) {
        Member member = ip.getMember();
        if (member == null) {
            return String.valueOf(ip);
        }
        return member.getDeclaringClass().getName() + "." + member.getName();
    }
}
