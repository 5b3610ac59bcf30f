package io.github.faceid4j;

/** The account's request rate for this action was exceeded ({@code RequestLimitExceeded*}); transient. */
public class RateLimitExceededException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    public RateLimitExceededException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
