package io.github.faceid4j;

/**
 * Base of every failure this library reports. Unchecked: there is rarely anything a caller can do locally,
 * and the subtypes say what went wrong.
 *
 * <p>Messages never contain secrets or personal data.
 */
public class FaceIdException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Requests made before the failure escaped; see {@link #attempts()}. */
    private volatile int attempts = 1;

    /**
     * @param message what went wrong, without secrets or personal data
     */
    public FaceIdException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, without secrets or personal data
     * @param cause the underlying failure
     */
    public FaceIdException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@return how many requests were sent (or tried) before this failure escaped; 0 when none was} */
    public int attempts() {
        return attempts;
    }

    /**
     * Records how many attempts were made; called by an implementation's retry logic just before the exception
     * escapes to the caller.
     *
     * @param attempts the number of requests sent or tried, 0 or more
     */
    public void recordAttempts(int attempts) {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        this.attempts = attempts;
    }

    /**
     * {@return whether the same call may succeed when repeated later (network trouble, throttling, a service hiccup)}
     */
    public boolean isTransient() {
        return false;
    }
}
