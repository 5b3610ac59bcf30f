package io.github.faceid4j.client;

import java.util.function.BiConsumer;

/**
 * What one kind of call sends, for {@link ResilientCall}: the machinery (permits, retries, deadline, logging) is the
 * same for every action; only the exchange and how it is named in log lines differ.
 *
 * @param <T> the decoded answer
 */
interface CallTarget<T> {

    /**
     * One attempt: sends and decodes (see {@link Transport#exchange}), telling {@code attempt} when the answer
     * begins (or that none did), which {@link RetryPolicy#shouldRetry} reads when it fails.
     */
    T send(Attempt attempt);

    /** What log lines call the call, never in clear: {@code BizToken abcd...}. */
    String subject();

    /** The masked BizToken of the {@link Attempt}, or {@code null} when the call has none yet. */
    String maskedBizToken();

    /** What a log line may say of an answer: codes and the RequestId, no personal data. */
    String describe(T answer);

    /**
     * What telemetry may record of an answer, as attributes: codes and the RequestId, a BizToken's masked prefix at
     * most; never personal data, Extra or a full BizToken.
     */
    default void record(T answer, BiConsumer<String, String> attribute) {
    }

    /** The answer's outcome for metrics, one of few values: {@code success}, {@code not_finished}...; else {@code ok}. */
    default String category(T answer) {
        return "ok";
    }
}
