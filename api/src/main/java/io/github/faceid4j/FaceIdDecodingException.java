package io.github.faceid4j;

/**
 * An answer arrived but could not be read as a FaceID response: not JSON, truncated, empty, an HTML error page,
 * or an HTTP error status. Carries the HTTP status and a short excerpt of the body, in which JSON string values
 * are masked so that no personal data travels with the exception.
 */
public class FaceIdDecodingException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status of the answer; 0 when none was read. */
    private final int httpStatus;
    /** A bounded excerpt of the body with JSON string values masked; empty when there was none. */
    private final String bodyExcerpt;

    /**
     * @param message what was wrong with the answer
     * @param httpStatus the HTTP status of the answer, 0 when none was read
     * @param bodyExcerpt a bounded excerpt of the body with string values masked
     * @param cause the parser's exception, or null
     */
    public FaceIdDecodingException(String message, int httpStatus, String bodyExcerpt, Throwable cause) {
        super(message + " (HTTP " + httpStatus + ", body: " + (bodyExcerpt == null || bodyExcerpt.isEmpty()
                ? "empty" : '"' + bodyExcerpt + '"') + ")", cause);
        this.httpStatus = httpStatus;
        this.bodyExcerpt = bodyExcerpt;
    }

    /** {@return the HTTP status of the answer} */
    public int httpStatus() {
        return httpStatus;
    }

    /** {@return the start of the body, bounded in length, with JSON string values masked} */
    public String bodyExcerpt() {
        return bodyExcerpt;
    }

    /** A 5xx status means the service or a proxy in front of it failed: asking again may work. */
    @Override
    public boolean isTransient() {
        return httpStatus >= 500;
    }
}
