package io.github.faceid4j.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Optional;

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

    static void register(AfterBeanDiscovery event, ClientHealth health) {
        event.<HealthCheck>addBean()
                .beanClass(FaceIdReadinessCheck.class)
                .id(FaceIdReadinessCheck.class.getName() + "#" + health.checkName())
                .types(HealthCheck.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .createWith(creationalContext -> new FaceIdReadinessCheck(health));
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
