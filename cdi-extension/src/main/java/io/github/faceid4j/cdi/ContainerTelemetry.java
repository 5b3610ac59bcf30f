package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The container's {@link OpenTelemetry} bean (MicroProfile Telemetry), for the clients' spans and metrics. The only
 * class of the extension that refers to OpenTelemetry: used only when its API can be loaded ({@link #apiPresent}),
 * since the API is optional. Without a bean the builder keeps its default, {@code GlobalOpenTelemetry}.
 */
final class ContainerTelemetry {

    private ContainerTelemetry() {
    }

    /**
     * Whether the OpenTelemetry API can be loaded where the extension was. Asked by the extension before it touches
     * this class's other members, which need the API.
     */
    static boolean apiPresent() {
        try {
            Class.forName("io.opentelemetry.api.OpenTelemetry", false, FaceIdExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Gives the builder the container's {@code OpenTelemetry} bean, when there is one. Several that resolution
     * cannot choose between were reported at deployment ({@link #problem}).
     */
    static void apply(BeanManager beanManager, FaceIdServiceBuilder builder) {
        Set<Bean<?>> beans = beanManager.getBeans(OpenTelemetry.class);
        if (beans.isEmpty()) {
            return;
        }
        Bean<?> bean = beanManager.resolve(beans);
        builder.openTelemetry((OpenTelemetry) beanManager.getReference(bean, OpenTelemetry.class,
                beanManager.createCreationalContext(bean)));
    }

    /**
     * At deployment: several {@code @Default OpenTelemetry} beans that typesafe resolution cannot choose between
     * (e.g. the server's and one an application produces) would leave the clients without a destination for their
     * spans; a problem naming the beans, rather than an error on the first call.
     */
    static Optional<FaceIdConfigurationException> problem(BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(OpenTelemetry.class);
        try {
            beanManager.resolve(beans);
            return Optional.empty();
        } catch (AmbiguousResolutionException e) {
            return Optional.of(new FaceIdConfigurationException("openTelemetry", "more than one OpenTelemetry bean"
                    + " for the FaceID clients' spans and metrics (declared by " + beans.stream()
                    .map(b -> b.getBeanClass().getName()).sorted().collect(Collectors.joining(", "))
                    + "): make one an @Alternative with a @Priority, or qualify the others"));
        }
    }
}
