package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;

import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.GRID;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.JNDI_NAME;

/**
 * Finds the configured grid's handle: a bean, or the object bound at {@link ClusterRateLimitExtension#JNDI_NAME}.
 * Checked at deployment ({@link #problem(BeanManager)}), so that a missing, ambiguous or wrong handle fails it naming
 * the key; used again when a limiter is made.
 */
final class GridHandleLookup {

    private final Grid grid;
    private final Optional<String> jndiName;
    /**
     * The grid handle found at {@link ClusterRateLimitExtension#JNDI_NAME} at deployment. Kept, not looked up again:
     * the limiter is made on first use, on whatever thread that is, and a server's {@code java:comp} names resolve on
     * its own threads only.
     */
    private volatile Object jndiHandle;

    GridHandleLookup(Grid grid, Optional<String> jndiName) {
        this.grid = grid;
        this.jndiName = jndiName;
    }

    /** Why the grid handle cannot serve, if it cannot: looked up now, at deployment. */
    Optional<FaceIdConfigurationException> problem(BeanManager beanManager) {
        if (jndiName.isPresent()) {
            return jndiProblem(jndiName.get());
        }
        return beanProblem(beanManager).map(problem -> new FaceIdConfigurationException(GRID,
                grid.value + " needs " + problem));
    }

    /** A limiter of one account on the grid handle: the one kept from deployment, else looked up now. */
    ClusterRateLimiter limiter(BeanManager beanManager, CreationalContext<?> context, String secretId,
                               RateSettings settings) {
        if (jndiName.isPresent()) {
            Object found = jndiHandle;
            return grid.limiter(found != null ? found : lookUp(jndiName.get()), secretId, settings);
        }
        return grid.limiter(beanManager, context, secretId, settings);
    }

    /** The grid handle bound at {@code name}; a configuration error naming the JNDI key when there is none. */
    private static Object lookUp(String name) {
        try {
            Object handle = new InitialContext().lookup(name);
            if (handle == null) {
                throw new FaceIdConfigurationException(JNDI_NAME, "nothing is bound at '" + name + "'");
            }
            return handle;
        } catch (NamingException e) {
            throw new FaceIdConfigurationException(JNDI_NAME, "cannot look up '" + name + "': " + e);
        }
    }

    /** Why the grid handle at {@code name} cannot serve, if it cannot; kept when it can. */
    private Optional<FaceIdConfigurationException> jndiProblem(String name) {
        try {
            Optional<String> classes = grid.classProblem();
            if (classes.isPresent()) {
                return Optional.of(new FaceIdConfigurationException(GRID, grid.value + " needs " + classes.get()));
            }
            Object handle = lookUp(name);
            Optional<String> type = grid.typeProblem(handle);
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

    /** Why the grid handle bean or the grid's classes are missing, if they are. */
    private Optional<String> beanProblem(BeanManager beanManager) {
        try {
            return grid.beanProblem(beanManager);
        } catch (LinkageError e) {
            return Optional.of("its API on the class path (" + e.getMessage() + "); " + grid.api());
        }
    }
}
