package io.github.faceid4j.client;

/**
 * What one kind of call sends, for {@link ResilientCall}: the machinery (permits, retries, deadline, logging) is the
 * same for every action; only the exchange and how it is named in log lines differ.
 *
 * @param <T> the decoded answer
 */
interface CallTarget<T> {

    /**
     * One attempt: sends and decodes (see {@link Transport#exchange}).
     *
     * @throws Transport.ConnectFailure when no response arrived because the connection failed (safe to retry)
     */
    T send(int connectTimeoutMillis, int readTimeoutMillis, Runnable answerBegan, long deadline);

    /** What log lines call the call, never in clear: {@code BizToken abcd...}. */
    String subject();

    /** The masked BizToken of {@link RequestLogging.Attempt}, or {@code null} when the call has none yet. */
    String maskedBizToken();

    /** What a log line may say of an answer: codes and the RequestId, no personal data. */
    String describe(T answer);
}
