package io.github.faceid4j;

import io.github.faceid4j.model.VerificationResult;

import java.util.concurrent.CompletionStage;

/**
 * Fetches the outcome of a Tencent Cloud FaceID web verification by its BizToken
 * ({@code GetWebVerificationResultIntl}).
 *
 * <p>Implementations are thread-safe and meant to be shared: build one per configuration and reuse it.
 * Every failure is a {@link FaceIdException}:
 * <ul>
 *   <li>{@link FaceIdServiceException} and its subtypes: the service answered with an error;</li>
 *   <li>{@link FaceIdTransportException}: no usable answer arrived (I/O, timeout);</li>
 *   <li>{@link FaceIdDecodingException}: an answer arrived but could not be read;</li>
 *   <li>{@link InvalidBizTokenException}: the token was rejected before anything was sent.</li>
 * </ul>
 */
public interface VerificationResultService extends AutoCloseable {

    /**
     * Fetches the result for a BizToken. A token stays valid for three days and may be queried many times.
     *
     * @param bizToken the token the customer returned with
     * @return the result; check {@link VerificationResult#passed()} before trusting the customer
     * @throws FaceIdException on any failure, typed as described on this interface
     */
    VerificationResult getResult(String bizToken);

    /**
     * Like {@link #getResult(String)}, without blocking the calling thread. The stage completes exceptionally
     * with the same exception types, unwrapped.
     *
     * @param bizToken the BizToken of the verification, as the service issued it
     * @return a stage completed with the result
     */
    CompletionStage<VerificationResult> getResultAsync(String bizToken);

    /** Releases the connections and threads behind this service. Calls after closing fail. */
    @Override
    void close();
}
