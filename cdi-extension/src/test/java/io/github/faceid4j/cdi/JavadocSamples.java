package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;
import jakarta.inject.Inject;

import java.net.URI;

/**
 * The code samples of this module's javadoc, verbatim, compiled here so they cannot rot (injection of both forms
 * is what {@link NamedClientsTest} and {@link InjectionTest} run); {@code JavadocSamplesCheckTest} (the CLI's tests)
 * fails when a sample in the javadoc is not found, up to whitespace, in its module's test sources.
 */
class JavadocSamples {

    // sample: FaceIdClient
    @Inject @FaceIdClient("payouts") VerificationResultService payouts;   // tencentcloud.faceid.payouts.region=...
    @Inject VerificationResultService results;                           // the unnamed tencentcloud.faceid.* client
    // end of sample

    // sample: SessionBizToken
    static class SessionSample {
        @Inject VerificationStartService starts;
        @Inject VerificationResultService results;
        @Inject SessionBizToken sessionToken;

        URI start(WebVerificationRequest request) {
            StartedVerification started = starts.start(request);
            sessionToken.bind(started);                          // replaces any earlier token of this session
            return started.verificationUri();                    // send the browser there
        }

        VerificationResult customerReturned(String token) {     // the RedirectURL's ?token=
            return results.getResult(sessionToken.redeem(token)); // BizTokenRefusedException: start again
        }
    }
    // end of sample

    // sample: BizTokenBindings
    static class KeySample {
        @Inject BizTokenBindings bindings;

        void started(String customerNumber, StartedVerification started) {
            bindings.bind(customerNumber, started);
        }

        String returned(String customerNumber, String token) {
            return bindings.redeem(customerNumber, token);       // BizTokenRefusedException: start again
        }
    }
    // end of sample
}
