package io.github.faceid4j.cli;

import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.internal.ResultJson;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code faceid result BIZ_TOKEN}: fetches one result and prints it, masked unless {@code --reveal-pii}. */
@Command(name = "result",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Fetches the result of a web verification by its BizToken and prints a summary (or --json).",
                "Credentials come from TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (and"
                        + " TENCENTCLOUD_SESSION_TOKEN for temporary credentials), else from the [default] profile of"
                        + " ~/.tencentcloud/credentials (secret_id, secret_key, token); they are never printed.",
                "Personal data (names, ID numbers, birthdays, addresses, every card field, OriginalCardInfo, Extra)"
                        + " is masked unless --reveal-pii; media are never printed, only sized or saved with --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:verification passed",
                "1:result fetched, but not passed or not finished",
                "2:usage or configuration error; nothing was sent",
                "3:the service answered with an error (code and RequestId on stderr)",
                "4:no usable answer (connection, timeout, unreadable answer)"})
final class ResultCommand implements Callable<Integer> {

    @ParentCommand
    FaceIdCli parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BIZ_TOKEN", description = "The BizToken of the verification.")
    String bizToken;

    @Mixin
    ServiceOptions serviceOptions;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Save the media (video.mp4, best-frame.jpg, ocr-1-card-front.jpg, ...) in a new folder"
                    + " DIR/result-<RequestId>, one per result; folders and files are owner-only.")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON with the API's field names.")
    boolean json;

    @Option(names = "--reveal-pii", description = "Show personal data instead of ***.")
    boolean revealPii;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        if (bizToken == null || bizToken.isBlank()) {
            throw new InvalidBizTokenException("BIZ_TOKEN must not be blank");
        }
        VerificationResult result;
        Path dir;
        try (RequestLog log = RequestLog.to(spec.commandLine().getErr(), verbose.verbose);
             VerificationResultService service = new ServiceFactory(parent.env(), parent.home())
                     .logRequests(verbose.verbose)
                     .create(serviceOptions.region, serviceOptions.endpoint, serviceOptions.timeout)) {
            dir = out == null ? null : MediaFiles.prepare(out);
            result = service.getResult(bizToken);
        }
        Map<Media, Path> files = dir == null ? new IdentityHashMap<>() : MediaFiles.write(dir, result, MediaItem.of(result));
        VerificationResult shown = revealPii ? result : Masking.mask(result);
        PrintWriter stdout = spec.commandLine().getOut();
        if (json) {
            stdout.println(ResultJson.writer(media -> describe(media, files), true).toJson(shown));
        } else {
            new Summary(stdout, "", true).print(bizToken, shown, files,
                    revealPii ? null : "(personal data masked as ***; --reveal-pii shows it)");
        }
        stdout.flush();
        return result.passed() ? ExitCodes.PASSED : ExitCodes.NOT_PASSED;
    }

    /** Base64 is never printed: the saved file, or the size. */
    private static String describe(Media media, Map<Media, Path> files) {
        Path file = files.get(media);
        return file != null ? file.toString() : "<media: " + media.size() + " bytes>";
    }
}
