package io.github.faceid4j.cdi;

import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Set;

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

    /** Gives the builder the container's {@code OpenTelemetry} bean, when there is exactly one to resolve. */
    static void apply(BeanManager beanManager, FaceIdServiceBuilder builder) {
        Set<Bean<?>> beans = beanManager.getBeans(OpenTelemetry.class);
        if (beans.isEmpty()) {
            return;
        }
        Bean<?> bean = beanManager.resolve(beans); // ambiguous beans: the container's error, at first use
        builder.openTelemetry((OpenTelemetry) beanManager.getReference(bean, OpenTelemetry.class,
                beanManager.createCreationalContext(bean)));
    }
}
