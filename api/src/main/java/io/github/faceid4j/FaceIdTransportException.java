package io.github.faceid4j;

/**
 * No usable answer arrived: the connection failed, was reset, or the service answered with an HTTP error status
 * and no readable body. Transient by nature.
 */
public class FaceIdTransportException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, without secrets or personal data
     * @param cause the underlying I/O failure, or null
     */
    public FaceIdTransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
