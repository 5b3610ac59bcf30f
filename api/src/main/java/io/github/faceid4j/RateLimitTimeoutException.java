package io.github.faceid4j;

/**
 * The client's own rate limiter had no permit within the allowed wait, so nothing was sent. Protects the account's
 * request budget (20 requests per second for this action) before the service has to refuse. Transient.
 */
public class RateLimitTimeoutException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message how long was waited, and for which limit
     */
    public RateLimitTimeoutException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
