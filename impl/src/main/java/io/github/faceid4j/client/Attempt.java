package io.github.faceid4j.client;

/**
 * One attempt of a call, made by {@link ResilientCall} for {@link CallTarget#send}: its number, the time it may take,
 * and the cue that gives the rate-limit permit back. {@link Transport} puts it on the request as the property
 * {@link #PROPERTY}, where {@link SigningFilter} checks the deadline and {@link RequestLogging} reads what it
 * shows, and tells it whether the service's answer began, which {@link RetryPolicy#shouldRetry} needs to know.
 */
final class Attempt {

    /** The request property holding the attempt (see {@link jakarta.ws.rs.client.ClientRequestContext#getProperty}). */
    static final String PROPERTY = Attempt.class.getName();

    private final String maskedBizToken;
    private final int number;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final long deadline;
    private final Runnable permitRelease;
    private volatile boolean answerBegan;

    /**
     * @param maskedBizToken the call's masked BizToken, or null when it has none yet (Apply)
     * @param number         1 for the first attempt
     * @param permitRelease  gives the attempt's rate-limit permit back; run once whether the answer began or not
     */
    Attempt(String maskedBizToken, int number, int connectTimeoutMillis, int readTimeoutMillis, long deadline,
            Runnable permitRelease) {
        this.maskedBizToken = maskedBizToken;
        this.number = number;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadline = deadline;
        this.permitRelease = permitRelease;
    }

    int number() {
        return number;
    }

    /** Time allowed to connect, already capped by the call's deadline. */
    int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    /** Longest silence while reading, already capped by the call's deadline. */
    int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    /** The call's deadline ({@link System#nanoTime()}): a body still arriving then is given up. */
    long deadline() {
        return deadline;
    }

    /** The answer's status and headers have arrived: the rate limiter's cue (see {@link RateLimiter#release()}). */
    void answerBegan() {
        answerBegan = true;
        permitRelease.run();
    }

    /** Getting the answer's status and headers failed: no answer began; the permit goes back all the same. */
    void noAnswer() {
        permitRelease.run();
    }

    /** Whether the service's answer began before the attempt failed (if it did). */
    boolean hasAnswerBegun() {
        return answerBegan;
    }

    /** What log lines say of the attempt: the masked BizToken, or {@code Apply}, and its number. */
    @Override
    public String toString() {
        return (maskedBizToken == null ? "Apply" : "BizToken " + maskedBizToken) + ", attempt " + number;
    }
}
