package io.github.faceid4j;

import java.util.List;

/**
 * A service could not be built from its configuration. Names the setting at fault ({@link #key()}) and never
 * echoes a secret value.
 */
public class FaceIdConfigurationException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /** The setting at fault: a builder property or configuration key. */
    private final String key;

    /**
     * @param key the setting at fault, as the user wrote it (builder property, configuration key, option)
     * @param problem what is wrong with it, without its value if that may be secret
     */
    public FaceIdConfigurationException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        recordAttempts(0);
    }

    /** {@return the setting at fault: a builder property, a configuration key or a CLI option} */
    public String key() {
        return key;
    }

    /**
     * Throws the first of {@code problems}, every other one attached to it as a suppressed exception, so that one
     * failure reports them all; returns when there is none. The one way builders, the CDI extension and the CLI
     * turn a list of problems into a failure.
     *
     * @param problems the problems found, in the order they should be read; may be empty
     * @throws FaceIdConfigurationException the first problem, with the others suppressed, when there is any
     */
    public static void throwIfAny(List<? extends FaceIdConfigurationException> problems) {
        if (problems.isEmpty()) {
            return;
        }
        FaceIdConfigurationException first = problems.get(0);
        for (FaceIdConfigurationException other : problems.subList(1, problems.size())) {
            if (other != first) {
                first.addSuppressed(other);
            }
        }
        throw first;
    }
}
