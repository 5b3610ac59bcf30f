package io.github.faceid4j;

/**
 * The service was closed while this call was outstanding (waiting for a permit, a retry or an answer): the call
 * was ended at once rather than left to its deadline. Not transient: the same service will not answer again.
 */
public class ServiceClosedException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which service was closed
     */
    public ServiceClosedException(String message) {
        super(message);
    }
}
