package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are worth another attempt ({@link ResilientCall#retryable}), one kind at a time. */
class RetryDecisionTest {

    @Test
    void connectionFailuresAreRetriedTlsFailuresAreNot() {
        assertThat(ResilientCall.retryable(new Transport.ConnectFailure("refused", null))).isTrue();
        assertThat(ResilientCall.retryable(new Transport.TlsFailure("untrusted",
                new SSLHandshakeException("PKIX path building failed")))).isFalse();
        assertThat(ResilientCall.retryable(new FaceIdTransportException("cut off mid-body", null))).isFalse();
        assertThat(ResilientCall.retryable(new FaceIdTimeoutException("no answer", null))).isFalse();
    }

    @Test
    void unreadableAnswersAreRetriedOnlyWithA5xxStatus() {
        assertThat(ResilientCall.retryable(new FaceIdDecodingException("bad gateway page", 500, "", null))).isTrue();
        assertThat(ResilientCall.retryable(new FaceIdDecodingException("bad gateway page", 503, "", null))).isTrue();
        assertThat(ResilientCall.retryable(new FaceIdDecodingException("not JSON", 499, "", null))).isFalse();
        assertThat(ResilientCall.retryable(new FaceIdDecodingException("not JSON", 200, "", null))).isFalse();
    }

    @Test
    void serviceErrorsAreRetriedWhenTransient() {
        assertThat(ResilientCall.retryable(new FaceIdServiceException("InternalError", "m", "r"))).isTrue();
        assertThat(ResilientCall.retryable(new FaceIdServiceException("RequestLimitExceeded", "m", "r"))).isTrue();
        assertThat(ResilientCall.retryable(new FaceIdServiceException("AuthFailure.SignatureFailure", "m", "r")))
                .isFalse();
    }
}
