package io.github.faceid4j.cli;

import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.model.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code faceid demo}: one real round trip (signing, HTTP, JSON, model) against the embedded emulator, then one
 * error, narrated step by step. Nothing leaves the machine.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Fetches a result end to end from the built-in emulator on 127.0.0.1 and shows an error;"
                + " no account or network needed.")
final class DemoCommand implements Callable<Integer> {

    static final String REGION = "ap-singapore";
    static final String PASSED_TOKEN = "passed-demo";
    static final String EXPIRED_TOKEN = "expired-demo";

    /** Where an international account sends its requests (the Intl actions' endpoint in the current documents). */
    static final String INTL_ENDPOINT = "https://faceid.intl.tencentcloudapi.com";

    @Spec
    CommandSpec spec;

    @ParentCommand
    FaceIdCli parent;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> surprises = new ArrayList<>();
        out.println("faceid demo: GetWebVerificationResultIntl end to end, against the built-in FaceID emulator"
                + " (nothing leaves this machine).");
        out.println();
        try (RequestLog log = RequestLog.to(spec.commandLine().getErr(), verbose.verbose);
             FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            out.println("1. Emulator started on " + emulator.endpoint() + "; it accepts the synthetic SecretId "
                    + emulator.secretId() + " and checks every signature.");
            try (VerificationResultService service = FaceIdServiceBuilder.create()
                    .region(REGION)
                    .endpoint(emulator.endpoint())
                    .credentials(Credentials.of(FaceIdEmulator.DEFAULT_SECRET_ID, FaceIdEmulator.DEFAULT_SECRET_KEY))
                    .logRequests(verbose.verbose)
                    .build()) {
                out.println("2. Client built: region " + REGION + ", endpoint " + emulator.endpoint()
                        + ", TC3-HMAC-SHA256 signing.");
                out.flush();

                long start = System.nanoTime();
                VerificationResult result = service.getResult(PASSED_TOKEN);
                long millis = (System.nanoTime() - start) / 1_000_000;
                boolean signed = emulator.requestsFor(PASSED_TOKEN).stream().allMatch(RecordedRequest::signatureValid);
                out.println("3. Result for BizToken " + Tokens.mask(PASSED_TOKEN) + ": request signed, sent,"
                        + (signed ? " signature verified by the emulator," : " signature NOT verified,")
                        + " answer decoded; " + millis + " ms including client start-up:");
                new Summary(out, "     ", false).print(PASSED_TOKEN, Masking.mask(result), new IdentityHashMap<>(),
                        "(names, ID numbers and other personal data are masked as ***)");
                if (!signed) {
                    surprises.add("the emulator did not verify the signature");
                }
                if (!result.passed()) {
                    surprises.add("the passed-demo result did not pass");
                }

                try {
                    service.getResult(EXPIRED_TOKEN);
                    surprises.add("the expired token did not fail");
                } catch (BizTokenExpiredException e) {
                    out.println("4. An expired BizToken (" + Tokens.mask(EXPIRED_TOKEN) + ") shows the error model: "
                            + e.getClass().getSimpleName() + ", code " + e.errorCode() + ", RequestId "
                            + e.requestId() + ".");
                    out.println("   `" + Invocation.NAME + " result` reports such service errors with exit code 3.");
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
        String command = Invocation.command(parent.env());
        out.println("Demo OK: signing, HTTP, JSON decoding and the result model all work.");
        out.println("Next: `" + command + " emulator` starts the emulator to try `" + command + " result` against.");
        out.println("With a Tencent Cloud International account, set TENCENTCLOUD_SECRET_ID and"
                + " TENCENTCLOUD_SECRET_KEY and run:");
        out.println("  " + command + " result BIZ_TOKEN --region " + REGION + " --endpoint " + INTL_ENDPOINT);
        out.flush();
        return ExitCodes.PASSED;
    }
}
