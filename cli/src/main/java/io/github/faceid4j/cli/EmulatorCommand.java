package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.emulator.FaceIdEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code faceid emulator}: the FaceID emulator in the foreground on 127.0.0.1 until Ctrl-C. */
@Command(name = "emulator",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Runs a local stand-in for GetWebVerificationResultIntl on 127.0.0.1 until Ctrl-C.",
                "It checks signatures like the service and answers by the BizToken's prefix: passed, failed,"
                        + " unfinished, expired, illegal, ratelimited, internal, slow, malformed."})
final class EmulatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port on 127.0.0.1; 0 (the default) picks a free one.")
    int port;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        FaceIdEmulator emulator;
        try {
            emulator = FaceIdEmulator.builder().port(port).build().start();
        } catch (IllegalArgumentException e) {
            throw new FaceIdConfigurationException("--port", "must be 0..65535, was " + port);
        } catch (IllegalStateException e) {
            throw new FaceIdConfigurationException("--port", "cannot listen on 127.0.0.1:" + port
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
        }
        PrintWriter out = spec.commandLine().getOut();
        banner(emulator, out);
        emulator.runUntilInterrupted();
        out.println("Emulator stopped after " + emulator.requests().size() + " request(s).");
        out.flush();
        return ExitCodes.PASSED;
    }

    static void banner(FaceIdEmulator emulator, PrintWriter out) {
        String endpoint = emulator.endpoint().toString();
        out.println("FaceID emulator listening on " + endpoint + " (ApplyWebVerificationBizTokenIntl and"
                + " GetWebVerificationResultIntl with hosted pages at /verify/, regions "
                + String.join(", ", FaceIdEmulator.DEFAULT_REGIONS.stream().sorted().toList()) + ", "
                + emulator.rateLimitPerSecond() + " requests/s)");
        out.println("SecretId: " + emulator.secretId());
        out.println();
        out.println("Use it from another shell (the key is the emulator's public synthetic one, not a real credential):");
        out.println("  export " + ServiceFactory.SECRET_ID + "=" + emulator.secretId());
        out.println("  export " + ServiceFactory.SECRET_KEY + "=" + FaceIdEmulator.DEFAULT_SECRET_KEY);
        out.println("  faceid result passed-demo --region ap-singapore --endpoint " + endpoint);
        out.println();
        out.println("The BizToken's prefix picks the answer: passed, failed, unfinished, expired, illegal, ratelimited,"
                + " internal, slow, malformed (anything else: BizTokenIllegal).");
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }
}
