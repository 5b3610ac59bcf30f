package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.internal.AccountRateLimiters;
import io.github.faceid4j.client.RateLimiter;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.config.Config;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rate limiters the application provides as beans, for {@link FaceIdExtension}: a {@link RateLimiter} bean for
 * a client (qualified {@code @FaceIdClient(name)}, else {@code @Default}), or an {@link AccountRateLimiters} bean
 * that gives each account its own limiter (the cluster limiter's).
 */
final class RateLimiterBeans {

    private RateLimiterBeans() {
    }

    /**
     * The application's {@link RateLimiter} bean for this client, e.g. a cluster-wide limiter on the server's data
     * grid: one qualified {@code @FaceIdClient(name)}, else the {@code @Default} one. None: the builder's local limiter.
     */
    static Optional<RateLimiter> ofApplication(BeanManager beanManager, String name) {
        Bean<?> bean = bean(beanManager, name);
        return bean == null ? Optional.empty() : Optional.of((RateLimiter) beanManager.getReference(bean,
                RateLimiter.class, beanManager.createCreationalContext(bean)));
    }

    /**
     * For a named client with a SecretId of its own and no {@code @FaceIdClient(name)} limiter bean: its account's
     * limiter from an {@link AccountRateLimiters} bean (the cluster limiter's), so that it does not spend the budget
     * of the unnamed client's account.
     */
    static Optional<RateLimiter> forAccount(BeanManager beanManager, Config cfg, String name) {
        if (name == null || !beanManager.getBeans(RateLimiter.class, FaceIdClient.Literal.of(name)).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> secretId = ClientConfiguration.get(cfg, ConfigKeys.key(name, ConfigKeys.SECRET_ID));
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(AccountRateLimiters.class));
        if (secretId.isEmpty() || bean == null) {
            return Optional.empty();
        }
        AccountRateLimiters accounts = (AccountRateLimiters) beanManager.getReference(bean, AccountRateLimiters.class,
                beanManager.createCreationalContext(bean));
        return Optional.of(accounts.forAccount(secretId.get()));
    }

    /** @throws AmbiguousResolutionException when two beans qualify at the same level */
    private static Bean<?> bean(BeanManager beanManager, String name) {
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

    /** Two rate-limiter beans that qualify at the same level: a deployment problem. */
    static Optional<FaceIdConfigurationException> problem(BeanManager beanManager, String name) {
        try {
            bean(beanManager, name);
            return Optional.empty();
        } catch (AmbiguousResolutionException e) {
            return Optional.of(new FaceIdConfigurationException("rateLimiter", "more than one RateLimiter bean for the "
                    + (name == null ? "default FaceID client" : "FaceID client '" + name + "'") + ": "
                    + e.getMessage()));
        }
    }
}
