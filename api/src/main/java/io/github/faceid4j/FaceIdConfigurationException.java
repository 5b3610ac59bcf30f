package io.github.faceid4j;

/**
 * A service could not be built from its configuration. Names the setting at fault ({@link #key()}) and never
 * echoes a secret value.
 */
public class FaceIdConfigurationException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    private final String key;

    public FaceIdConfigurationException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        recordAttempts(0);
    }

    /** The setting at fault: a builder property, a configuration key or a CLI option. */
    public String key() {
        return key;
    }
}
