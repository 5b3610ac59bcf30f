package io.github.faceid4j;

import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;

import java.util.concurrent.CompletionStage;

/**
 * Starts a Tencent Cloud FaceID web verification ({@code ApplyWebVerificationBizTokenIntl}): the companion of
 * {@link VerificationResultService}. An implementation may provide one or both.
 *
 * <p>The flow: call {@link #start}, keep the {@code BizToken} with the customer's session, send the browser to the
 * {@code VerificationURL}; the hosted pages send it back to {@code RedirectURL?token=<BizToken>}; check that this
 * token is the one kept for the session (the query parameter is untrusted input), then fetch the result with
 * {@link VerificationResultService#getResult(String)}. A customer who abandons never comes back: do not rely on the
 * redirect to learn the outcome.
 *
 * <p>Thread-safe, meant to be shared. Failures are {@link FaceIdException}s as for the result service, plus
 * {@link InvalidRequestException} (a field broke a documented rule; nothing was sent) and
 * {@link UnauthorizedOperationException} (the account cannot use the service; never retried).
 */
public interface VerificationStartService extends AutoCloseable {

    /**
     * Asks for a BizToken and the URL of the hosted verification pages.
     *
     * @param request the request, checked before anything is sent
     * @return the BizToken and the verification URL
     * @throws FaceIdException on any failure
     */
    StartedVerification start(WebVerificationRequest request);

    /**
     * Like {@link #start}, without blocking; the stage fails with the same exception types, unwrapped.
     *
     * @param request the request, checked before anything is sent
     * @return a stage completed with the BizToken and the verification URL
     */
    CompletionStage<StartedVerification> startAsync(WebVerificationRequest request);

    /** Releases the connections and threads behind this service. Calls after closing fail. */
    @Override
    void close();
}
