package io.github.faceid4j;

/**
 * The service answered with an error ({@code Response.Error}). Carries the error code, the service's message and
 * the RequestId that Tencent support asks for. {@link #getMessage()} names the code and the RequestId only, as every
 * message of this library carries no personal data; the service's text is {@link #serviceMessage()}.
 *
 * <p>Use {@link #from(String, String, String)} to get the most specific subtype for a code.
 */
public class FaceIdServiceException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /** The service's error code, e.g. {@code InvalidParameterValue.BizTokenExpired}. */
    private final String errorCode;
    /** The service's message for the error. */
    private final String serviceMessage;
    /** The {@code RequestId} of the answer, for Tencent Cloud support. */
    private final String requestId;

    /**
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public FaceIdServiceException(String errorCode, String serviceMessage, String requestId) {
        super(describe(errorCode, serviceMessage, requestId));
        this.errorCode = errorCode;
        this.serviceMessage = serviceMessage;
        this.requestId = requestId;
    }

    /**
     * The most specific exception for an error code: {@link BizTokenExpiredException},
     * {@link BizTokenIllegalException}, {@link AuthenticationException}, {@link RateLimitExceededException},
     * {@link UnauthorizedOperationException} (or its subtypes {@link ServiceNotActivatedException},
     * {@link ServiceActivatingException}, {@link AccountArrearsException}), or this class for any other code.
     *
     * @param errorCode the service's error code
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     * @return the exception to throw
     */
    public static FaceIdServiceException from(String errorCode, String serviceMessage, String requestId) {
        String code = errorCode == null ? "" : errorCode;
        if (code.equals("InvalidParameterValue.BizTokenExpired")) {
            return new BizTokenExpiredException(code, serviceMessage, requestId);
        }
        if (code.equals("InvalidParameterValue.BizTokenIllegal")) {
            return new BizTokenIllegalException(code, serviceMessage, requestId);
        }
        if (code.startsWith("AuthFailure")) {
            return new AuthenticationException(code, serviceMessage, requestId);
        }
        if (code.startsWith("RequestLimitExceeded") || code.equals("FailedOperation.RequestLimitExceeded")) {
            return new RateLimitExceededException(code, serviceMessage, requestId);
        }
        if (code.equals("UnauthorizedOperation") || code.startsWith("UnauthorizedOperation.")) {
            return switch (code) {
                case "UnauthorizedOperation.Nonactivated", "UnauthorizedOperation.ActivateError" ->
                        new ServiceNotActivatedException(code, serviceMessage, requestId);
                case "UnauthorizedOperation.Activating" ->
                        new ServiceActivatingException(code, serviceMessage, requestId);
                case "UnauthorizedOperation.Arrears", "UnauthorizedOperation.ChargeStatusException" ->
                        new AccountArrearsException(code, serviceMessage, requestId);
                default -> new UnauthorizedOperationException(code, serviceMessage, requestId);
            };
        }
        return new FaceIdServiceException(errorCode, serviceMessage, requestId);
    }

    /** {@return the service's error code}, e.g. {@code InvalidParameterValue.BizTokenExpired}. */
    public String errorCode() {
        return errorCode;
    }

    /**
     * The service's own description of the error, as it came (it is not part of {@link #getMessage()}): it may
     * echo what was sent, so treat it as personal data before logging it.
     *
     * @return the service's own description of the error
     */
    public String serviceMessage() {
        return serviceMessage;
    }

    /** {@return the service's RequestId; quote it to Tencent support} May be {@code null}. */
    public String requestId() {
        return requestId;
    }

    /**
     * {@code InternalError}, {@code ServiceUnavailable}, {@code ResourceUnavailable} and the
     * {@code RequestLimitExceeded} family may heal on their own; nothing else does.
     */
    @Override
    public boolean isTransient() {
        String code = errorCode == null ? "" : errorCode;
        return code.equals("InternalError") || code.startsWith("InternalError.")
                || code.equals("ServiceUnavailable") || code.startsWith("ResourceUnavailable")
                || code.startsWith("RequestLimitExceeded") || code.equals("FailedOperation.RequestLimitExceeded");
    }

    /**
     * The code and the RequestId only: the service's own text may echo what was sent (a token, a name), and
     * messages are logged everywhere; it stays available from {@link #serviceMessage()}.
     */
    private static String describe(String errorCode, String serviceMessage, String requestId) {
        return "FaceID service error " + errorCode + " (RequestId " + requestId + ")";
    }
}
