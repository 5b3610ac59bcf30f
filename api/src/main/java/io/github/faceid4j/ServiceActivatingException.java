package io.github.faceid4j;

/**
 * The account's activation of FaceID is still under way ({@code UnauthorizedOperation.Activating}). Not retried:
 * activation takes far longer than any call's deadline; try again once the console shows the service active.
 */
public class ServiceActivatingException extends UnauthorizedOperationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public ServiceActivatingException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
