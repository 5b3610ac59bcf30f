package io.github.faceid4j.cli;

import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.start.CheckMode;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationConfig;
import io.github.faceid4j.model.start.WebVerificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code faceid demo}: a whole web verification against the embedded emulator (apply, the customer's pages, the
 * redirect back, the result), then one error, narrated step by step. Nothing leaves the machine.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Walks a whole web verification against the built-in emulator on 127.0.0.1 (apply, the"
                + " customer's pages, the result) and shows an error; no account or network needed.")
final class DemoCommand implements Callable<Integer> {

    static final String REGION = "ap-singapore";
    static final String EXPIRED_TOKEN = "expired-demo";
    static final String REDIRECT_URL = "https://portal.example.com/verified";

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> surprises = new ArrayList<>();
        out.println("faceid demo: a whole web verification (ApplyWebVerificationBizTokenIntl, the customer's pages,"
                + " GetWebVerificationResultIntl) against the built-in FaceID emulator (nothing leaves this machine).");
        out.println();
        try (RequestLog log = RequestLog.to(spec.commandLine().getErr(), verbose.verbose);
             FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            out.println("1. Emulator started on " + emulator.endpoint() + "; it accepts the synthetic SecretId "
                    + emulator.secretId() + " and checks every signature.");
            FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
                    .region(REGION)
                    .endpoint(emulator.endpoint())
                    .credentials(Credentials.of(FaceIdEmulator.DEFAULT_SECRET_ID, FaceIdEmulator.DEFAULT_SECRET_KEY))
                    .logRequests(verbose.verbose);
            try (VerificationStartService starts = builder.buildStartService();
                 VerificationResultService service = builder.build()) {
                out.println("2. Clients built: region " + REGION + ", endpoint " + emulator.endpoint()
                        + ", TC3-HMAC-SHA256 signing.");
                out.flush();

                StartedVerification started = starts.start(WebVerificationRequest.builder(REDIRECT_URL)
                        .extra("demo-order-1")
                        .config(WebVerificationConfig.builder().checkMode(CheckMode.OCR_LIVENESS_AND_COMPARE).build())
                        .build());
                String token = started.bizToken();
                out.println("3. Verification started: BizToken " + Tokens.mask(token) + " (kept with the customer's"
                        + " session), VerificationURL " + emulator.endpoint() + "/verify/" + Tokens.mask(token) + ".");
                VerificationResult early = service.getResult(token);
                out.println("4. Fetched before the customer is done: ErrorCode " + early.errorCode()
                        + " (not finished).");
                if (early.finished()) {
                    surprises.add("the result was finished before the customer began");
                }

                out.println("5. The customer's browser on the hosted pages (plain HTML, no JavaScript), choosing"
                        + " \"passes\":");
                out.flush();
                URI back = new HostedPageWalker().walk(started.verificationUri(), "passed",
                        step -> out.println("     " + step.replace(token, Tokens.mask(token))));
                String returned = back.getRawQuery() == null ? null : back.getRawQuery().replaceFirst("^token=", "");
                boolean same = token.equals(returned);
                out.println("6. Back at " + REDIRECT_URL + "?token=" + Tokens.mask(returned) + ": the token "
                        + (same ? "matches" : "does NOT match") + " the one kept for this session (always check:"
                        + " the query parameter is untrusted input).");
                if (!same) {
                    surprises.add("the redirect carried another token");
                }

                long start = System.nanoTime();
                VerificationResult result = service.getResult(token);
                long millis = (System.nanoTime() - start) / 1_000_000;
                boolean signed = emulator.requests().stream().allMatch(RecordedRequest::signatureValid);
                out.println("7. Result for BizToken " + Tokens.mask(token) + ": requests signed, sent,"
                        + (signed ? " every signature verified by the emulator," : " a signature NOT verified,")
                        + " answer decoded in " + millis + " ms:");
                new Summary(out, "     ", false).print(token, Masking.mask(result), new IdentityHashMap<>(),
                        "(names, ID numbers and other personal data are masked as ***)");
                if (!signed) {
                    surprises.add("the emulator did not verify a signature");
                }
                if (!result.passed()) {
                    surprises.add("the verification did not pass");
                }

                try {
                    service.getResult(EXPIRED_TOKEN);
                    surprises.add("the expired token did not fail");
                } catch (BizTokenExpiredException e) {
                    out.println("8. An expired BizToken (" + Tokens.mask(EXPIRED_TOKEN) + ") shows the error model: "
                            + e.getClass().getSimpleName() + ", code " + e.errorCode() + ", RequestId "
                            + e.requestId() + ".");
                    out.println("   `faceid result` reports such service errors with exit code 3.");
                }
            }
        }
        out.println();
        out.flush();
        if (!surprises.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: the demo did not behave as expected: " + String.join("; ", surprises));
            err.flush();
            return ExitCodes.NOT_PASSED;
        }
        out.println("Demo OK: apply, the customer's pages, the redirect back, signing, HTTP, JSON decoding and the"
                + " result model all work.");
        out.println("Next: `faceid emulator` to try `faceid apply` and `faceid result` yourself, or set"
                + " TENCENTCLOUD_SECRET_ID/_KEY and run `faceid apply --redirect-url URL --region " + REGION
                + "` against Tencent Cloud.");
        out.flush();
        return ExitCodes.PASSED;
    }
}
