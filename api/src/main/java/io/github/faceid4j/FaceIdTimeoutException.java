package io.github.faceid4j;

/** A connect, read or overall deadline passed before an answer arrived. */
public class FaceIdTimeoutException extends FaceIdTransportException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which timeout or deadline passed
     * @param cause the underlying timeout, or null
     */
    public FaceIdTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
