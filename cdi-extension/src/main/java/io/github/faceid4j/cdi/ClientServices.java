package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.client.SlidingWindowRateLimiter;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.Config;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One client's two services, built on first use for the beans {@link FaceIdExtension} adds: from the configuration
 * it checked at deployment, paced by the application's rate limiter bean or a local one, with the container's
 * telemetry, wrapped in the {@link ObservedService} decorators that feed the client's {@link ClientHealth} and fire
 * its events. The extension observes the container; this class makes what the beans give.
 */
final class ClientServices {

    private final Config config;
    /** {@code null} for the default client. */
    private final String name;
    /** The name in events and health: {@link VerificationCallEvent#DEFAULT_CLIENT} for the default client. */
    private final String eventName;
    private final ClientHealth health;

    /**
     * @param config   the deployment's configuration, {@code null} when MicroProfile Config is missing (a problem
     *                 already reported)
     * @param name     the client's name, {@code null} for the default client
     * @param problems where a bad {@code health.failure-threshold} goes, as a deployment problem
     */
    ClientServices(Config config, String name, Consumer<FaceIdConfigurationException> problems) {
        this.config = config;
        this.name = name;
        this.eventName = name == null ? VerificationCallEvent.DEFAULT_CLIENT : name;
        this.health = new ClientHealth(name, failureThreshold(config, name, problems), Clock.systemUTC());
    }

    /** The client's readiness, fed by its call events; made at deployment, for its readiness check. */
    ClientHealth health() {
        return health;
    }

    /** Builds the result service on first use, from the configuration checked at deployment. */
    VerificationResultService resultService(BeanManager beanManager) {
        ClientConfiguration.Translation translation = translateOrThrow(config, name);
        Event<VerificationCallEvent> events = events(beanManager, VerificationCallEvent.class);
        Optional<RateLimiter> sharedLimiter = RateLimiterBeans.forAccount(beanManager, config, name)
                .or(() -> RateLimiterBeans.ofApplication(beanManager, name));
        if (sharedLimiter.isPresent()) {
            translation.builder().rateLimiter(health.counting(sharedLimiter.get()));
        } else { // the builder's own limiter, made here so that the health check can read its permits in use
            SlidingWindowRateLimiter local = ClientConfiguration.localRateLimiter(config, name);
            health.permitsInUse(local::permitsInUse);
            translation.builder().rateLimiter(local);
        }
        containerTelemetry(beanManager, translation.builder());
        ObservedVerificationResultService.Attempts attempts = new ObservedVerificationResultService.Attempts();
        return new ObservedVerificationResultService(translation.builder().attemptsObserver(attempts::record).build(),
                eventName, call -> {
                    health.record(call); // before the observers: one that asks the health sees this call
                    events.fire(call);
                }, attempts);
    }

    /** Builds the start service on first use, from the configuration checked at deployment. */
    VerificationStartService startService(BeanManager beanManager) {
        ClientConfiguration.Translation translation = translateOrThrow(config, name);
        Event<VerificationStartEvent> events = events(beanManager, VerificationStartEvent.class);
        containerTelemetry(beanManager, translation.builder());
        return new ObservedVerificationStartService(translation.builder().buildStartService(), eventName, events::fire);
    }

    /** The client's events of a type: qualified {@code @FaceIdClient(name)}, or {@code @Default} for the default. */
    private <T> Event<T> events(BeanManager beanManager, Class<T> type) {
        return name == null ? beanManager.getEvent().select(type)
                : beanManager.getEvent().select(type, FaceIdClient.Literal.of(name));
    }

    /**
     * The builder of a client from the configuration, for both of its services; a problem (already reported at
     * deployment) is thrown, the first with the others suppressed.
     */
    private static ClientConfiguration.Translation translateOrThrow(Config cfg, String name) {
        if (cfg == null) {
            throw new FaceIdConfigurationException(ConfigKeys.PREFIX, "MicroProfile Config is not available");
        }
        ClientConfiguration.Translation translation = ClientConfiguration.translate(cfg, name);
        FaceIdConfigurationException.throwIfAny(translation.problems());
        return translation;
    }

    /** Spans and metrics go to the container's {@code OpenTelemetry} bean when the API is there and it has one. */
    private static void containerTelemetry(BeanManager beanManager, FaceIdServiceBuilder builder) {
        if (ContainerTelemetry.apiPresent()) {
            ContainerTelemetry.apply(beanManager, builder);
        }
    }

    /** {@code health.failure-threshold}, the client's or the shared one; a bad value is a deployment problem. */
    private static int failureThreshold(Config cfg, String name, Consumer<FaceIdConfigurationException> problems) {
        if (cfg == null) {
            return ClientHealth.DEFAULT_FAILURE_THRESHOLD;
        }
        String key = ConfigKeys.key(name, ConfigKeys.HEALTH_FAILURE_THRESHOLD);
        try {
            Optional<ClientConfiguration.Found> found = ClientConfiguration.lookup(cfg, name,
                    ConfigKeys.HEALTH_FAILURE_THRESHOLD);
            if (found.isEmpty()) {
                return ClientHealth.DEFAULT_FAILURE_THRESHOLD;
            }
            key = found.get().key();
            int threshold = Values.intValue(found.get().value());
            if (threshold < 1) {
                throw new IllegalArgumentException("must be at least 1, was " + threshold);
            }
            return threshold;
        } catch (FaceIdConfigurationException e) {
            problems.accept(e);
        } catch (IllegalArgumentException e) {
            problems.accept(new FaceIdConfigurationException(key, e.getMessage()));
        }
        return ClientHealth.DEFAULT_FAILURE_THRESHOLD;
    }
}
