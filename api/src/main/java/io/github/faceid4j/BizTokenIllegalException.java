package io.github.faceid4j;

/** The service does not know the BizToken (mistyped, from another account or region, or forged). */
public class BizTokenIllegalException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public BizTokenIllegalException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
