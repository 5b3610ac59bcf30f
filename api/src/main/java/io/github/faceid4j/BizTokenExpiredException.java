package io.github.faceid4j;

/** The BizToken is past its three-day validity: start a new verification for the customer. */
public class BizTokenExpiredException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public BizTokenExpiredException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
