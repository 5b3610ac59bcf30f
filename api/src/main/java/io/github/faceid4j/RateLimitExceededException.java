package io.github.faceid4j;

/** The account's request rate for this action was exceeded ({@code RequestLimitExceeded*}); transient. */
public class RateLimitExceededException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public RateLimitExceededException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
