package io.github.faceid4j;

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
}
