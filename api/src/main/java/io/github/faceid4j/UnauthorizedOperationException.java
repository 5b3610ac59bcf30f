package io.github.faceid4j;

/**
 * The account may not use the service ({@code UnauthorizedOperation.*}): not activated, activation under way,
 * in arrears, or not authorised. Someone has to act in the Tencent Cloud console; repeating the call does not help,
 * so it is never retried. The subtypes name the documented cases.
 */
public class UnauthorizedOperationException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public UnauthorizedOperationException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }

    /** Never: an account's state changes in the console, not between two attempts. */
    @Override
    public final boolean isTransient() {
        return false;
    }
}
