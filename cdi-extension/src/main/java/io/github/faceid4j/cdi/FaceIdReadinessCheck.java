package io.github.faceid4j.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.PassivationCapable;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.Set;

/**
 * A client's {@link ClientHealth} as a MicroProfile Health {@code @Readiness} check named {@code faceid} (the
 * default client) or {@code faceid-<name>}. The only class that touches the MicroProfile Health API: the extension
 * calls {@link #register} only when {@link ClientHealth#healthApiPresent()}, so it works in containers without it
 * (this class is then never loaded).
 */
final class FaceIdReadinessCheck implements HealthCheck {

    private final ClientHealth health;

    private FaceIdReadinessCheck(ClientHealth health) {
        this.health = health;
    }

    /**
     * Adds the check as a bean of its own ({@link AfterBeanDiscovery#addBean(Bean)}, not the configurator): such a
     * bean belongs to the bean archive of its {@link Bean#getBeanClass() bean class}, while a configured one always
     * belongs to the extension's archive, and WildFly's health extension looks only in the deployment's root
     * archive (a WAR's WEB-INF/classes).
     *
     * @param beanClass an application bean's class, in the archive the check should belong to
     */
    static void register(AfterBeanDiscovery event, ClientHealth health, Class<?> beanClass) {
        event.addBean(new CheckBean(health, beanClass));
    }

    /** The check as a CDI bean: {@code @Readiness @ApplicationScoped HealthCheck}. */
    private record CheckBean(ClientHealth health, Class<?> beanClass) implements Bean<HealthCheck>, PassivationCapable {
        @Override
        public Class<?> getBeanClass() {
            return beanClass;
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }

        @Override
        public HealthCheck create(CreationalContext<HealthCheck> context) {
            return new FaceIdReadinessCheck(health);
        }

        @Override
        public void destroy(HealthCheck instance, CreationalContext<HealthCheck> context) {
            context.release();
        }

        @Override
        public Set<Type> getTypes() {
            return Set.of(HealthCheck.class, Object.class);
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return Set.of(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE);
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return ApplicationScoped.class;
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<Class<? extends Annotation>> getStereotypes() {
            return Set.of();
        }

        @Override
        public boolean isAlternative() {
            return false;
        }

        @Override
        public String getId() {
            return FaceIdReadinessCheck.class.getName() + "#" + health.checkName();
        }

        @Override
        public String toString() {
            return "FaceID readiness check " + health.checkName();
        }
    }

    @Override
    public HealthCheckResponse call() {
        ClientHealth.Report report = health.report();
        return new HealthCheckResponse(report.name(), report.up() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(report.data()));
    }

    @Override
    public String toString() {
        return "FaceIdReadinessCheck[" + health.checkName() + "]";
    }
}
