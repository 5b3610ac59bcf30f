package io.github.faceid4j;

/** The service does not know the BizToken (mistyped, from another account or region, or forged). */
public class BizTokenIllegalException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    public BizTokenIllegalException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
