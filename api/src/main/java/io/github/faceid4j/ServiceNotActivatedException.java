package io.github.faceid4j;

/**
 * FaceID is not activated for the account ({@code UnauthorizedOperation.Nonactivated}) or its activation failed
 * ({@code UnauthorizedOperation.ActivateError}): activate it in the console. Never retried.
 */
public class ServiceNotActivatedException extends UnauthorizedOperationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public ServiceNotActivatedException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
