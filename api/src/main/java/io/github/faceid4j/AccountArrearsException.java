package io.github.faceid4j;

/**
 * The account is in arrears ({@code UnauthorizedOperation.Arrears}) or its billing state does not allow calls
 * ({@code UnauthorizedOperation.ChargeStatusException}): settle it in the console. Never retried.
 */
public class AccountArrearsException extends UnauthorizedOperationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public AccountArrearsException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
