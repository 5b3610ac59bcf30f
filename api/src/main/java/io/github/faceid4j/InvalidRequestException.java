package io.github.faceid4j;

/**
 * A request was refused before anything was sent: a field breaks a rule the service documents (an http
 * {@code RedirectURL}, an {@code Extra} over 1,000 characters, a compare image over 8 MB...). Names the field by
 * its API name ({@link #field()}, e.g. {@code Config.LivenessTimeout}); never echoes the value, which may be
 * personal data.
 */
public class InvalidRequestException extends FaceIdException {

    private static final long serialVersionUID = 1L;

    /** The request field at fault, by its API name. */
    private final String field;

    /**
     * @param field the request field at fault, by its API name
     * @param problem what is wrong with it, without its value
     */
    public InvalidRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        recordAttempts(0);
    }

    /**
     * {@return the field at fault, by its API name: {@code RedirectURL}, {@code Extra}, {@code Config.ActionList}..}
     */
    public String field() {
        return field;
    }
}
