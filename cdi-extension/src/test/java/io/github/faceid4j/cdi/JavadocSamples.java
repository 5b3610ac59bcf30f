package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import jakarta.inject.Inject;

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
}
