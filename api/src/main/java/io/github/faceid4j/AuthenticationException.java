package io.github.faceid4j;

/** The credentials were refused ({@code AuthFailure.*}): wrong SecretId or SecretKey, expired session token, a clock more than five minutes off, or a signature the service could not verify. */
public class AuthenticationException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    /**
     * @param errorCode the service's error code, an {@code AuthFailure.*} one
     * @param serviceMessage the service's message
     * @param requestId the {@code RequestId} of the answer
     */
    public AuthenticationException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
