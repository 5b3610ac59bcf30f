package io.github.faceid4j;

/** The BizToken is past its three-day validity: start a new verification for the customer. */
public class BizTokenExpiredException extends FaceIdServiceException {

    private static final long serialVersionUID = 1L;

    public BizTokenExpiredException(String errorCode, String serviceMessage, String requestId) {
        super(errorCode, serviceMessage, requestId);
    }
}
