package io.github.faceid4j;

/** The BizToken was rejected before any request was sent: null, blank, too long or with unexpected characters. */
public class InvalidBizTokenException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong with the token, without the token itself
     */
    public InvalidBizTokenException(String message) {
        super(message);
        recordAttempts(0);
    }
}
