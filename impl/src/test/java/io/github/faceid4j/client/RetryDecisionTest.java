package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.ServiceClosedException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.net.ConnectException;
import java.net.SocketException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are worth another attempt ({@link RetryPolicy#shouldRetry}), one kind at a time. */
class RetryDecisionTest {

    private static final RetryPolicy POLICY = RetryPolicy.DEFAULT;
    private static final boolean NO_ANSWER = false;
    private static final boolean ANSWER_BEGAN = true;

    @Test
    void connectionFailuresBeforeAnyAnswerAreRetriedTlsRefusalsAreNot() {
        assertThat(POLICY.shouldRetry(transport(new ConnectException("refused")), NO_ANSWER)).isTrue();
        assertThat(POLICY.shouldRetry(transport(new SSLHandshakeException("PKIX path building failed")), NO_ANSWER))
                .isFalse();
        // a connection reset during the handshake is a lost connection, not a refused certificate
        SSLHandshakeException reset = new SSLHandshakeException("handshake");
        reset.initCause(new SocketException("Connection reset"));
        assertThat(POLICY.shouldRetry(transport(reset), NO_ANSWER)).isTrue();
        assertThat(POLICY.shouldRetry(new FaceIdTimeoutException("no answer", null), NO_ANSWER)).isFalse();
    }

    @Test
    void failuresOnceTheAnswerBeganAreNotRetried() {
        assertThat(POLICY.shouldRetry(new FaceIdTransportException("cut off mid-body", null), ANSWER_BEGAN)).isFalse();
        assertThat(POLICY.shouldRetry(new FaceIdTimeoutException("stopped answering", null), ANSWER_BEGAN)).isFalse();
    }

    @Test
    void unreadableAnswersAreRetriedOnlyWithA5xxStatus() {
        assertThat(POLICY.shouldRetry(new FaceIdDecodingException("bad gateway page", 500, "", null), ANSWER_BEGAN))
                .isTrue();
        assertThat(POLICY.shouldRetry(new FaceIdDecodingException("bad gateway page", 503, "", null), ANSWER_BEGAN))
                .isTrue();
        assertThat(POLICY.shouldRetry(new FaceIdDecodingException("not JSON", 499, "", null), ANSWER_BEGAN)).isFalse();
        assertThat(POLICY.shouldRetry(new FaceIdDecodingException("not JSON", 200, "", null), ANSWER_BEGAN)).isFalse();
    }

    @Test
    void serviceErrorsAreRetriedWhenTransient() {
        assertThat(POLICY.shouldRetry(new FaceIdServiceException("InternalError", "m", "r"), ANSWER_BEGAN)).isTrue();
        assertThat(POLICY.shouldRetry(new FaceIdServiceException("RequestLimitExceeded", "m", "r"), ANSWER_BEGAN))
                .isTrue();
        assertThat(POLICY.shouldRetry(new FaceIdServiceException("AuthFailure.SignatureFailure", "m", "r"),
                ANSWER_BEGAN)).isFalse();
    }

    @Test
    void localFailuresAreNeverRetried() {
        assertThat(POLICY.shouldRetry(new FaceIdConfigurationException("credentials", "none"), NO_ANSWER)).isFalse();
        assertThat(POLICY.shouldRetry(new RateLimitTimeoutException("no permit"), NO_ANSWER)).isFalse();
        assertThat(POLICY.shouldRetry(new ServiceClosedException("closed"), NO_ANSWER)).isFalse();
    }

    /** As {@link Transport} reports a failure to get an answer: Jersey's exception, the I/O failure its cause. */
    private static FaceIdTransportException transport(Exception io) {
        return new FaceIdTransportException("FaceID at 127.0.0.1 could not be reached",
                new ProcessingException(io));
    }
}
