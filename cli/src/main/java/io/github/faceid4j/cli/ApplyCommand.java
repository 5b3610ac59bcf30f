package io.github.faceid4j.cli;

import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.MediaInput;
import io.github.faceid4j.model.start.CheckMode;
import io.github.faceid4j.model.start.IdCardType;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationConfig;
import io.github.faceid4j.model.start.WebVerificationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code faceid apply --redirect-url URL}: starts a web verification and prints its BizToken and VerificationURL. */
@Command(name = "apply",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Starts a web verification (ApplyWebVerificationBizTokenIntl) and prints its BizToken and the"
                        + " VerificationURL to open in the customer's browser; the BizToken must be used within 10"
                        + " minutes, its result (`faceid result BIZ_TOKEN`) can be fetched for 3 days.",
                "Credentials as for `faceid result`. Every option is checked before anything is sent."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:verification started",
                "2:usage, validation or configuration error; nothing was sent",
                "3:the service answered with an error (code and RequestId on stderr)",
                "4:no usable answer (connection, timeout, unreadable answer)"})
final class ApplyCommand implements Callable<Integer> {

    @ParentCommand
    FaceIdCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--redirect-url", paramLabel = "URL", required = true,
            description = "Where the customer's browser returns to, as URL?token=BIZ_TOKEN: https (http only to"
                    + " 127.0.0.1/localhost), no query or fragment.")
    String redirectUrl;

    @Option(names = "--check-mode", paramLabel = "1..4",
            description = "1: OCR + liveness + comparison, 2: liveness + comparison (the service's default),"
                    + " 3: liveness only, 4: OCR only.")
    Integer checkMode;

    @Option(names = "--id-card-type", paramLabel = "TYPE",
            description = "The identity document for OCR: HKIDCard, MLIDCard, IndonesiaIDCard, ThailandIDCard,"
                    + " SingaporeIDCard, InternationalIDPassport, ...")
    String idCardType;

    @Option(names = "--extra", paramLabel = "TEXT",
            description = "Returned with the result (a correlation id, typically); at most 1,000 characters.")
    String extra;

    @Option(names = "--rule-id", paramLabel = "ID", description = "A business process made in the console.")
    String ruleId;

    @Option(names = "--compare-image", paramLabel = "FILE",
            description = "The photo to compare the face with (JPG or PNG, at most 6 MiB: 8 MB of base64);"
                    + " streamed from the file.")
    Path compareImage;

    @Mixin
    ServiceOptions serviceOptions;

    @Option(names = "--json", description = "Print the answer as JSON with the API's field names.")
    boolean json;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() {
        WebVerificationRequest request = request(); // checked before credentials are even looked at
        StartedVerification started;
        try (RequestLog log = RequestLog.to(spec.commandLine().getErr(), verbose.verbose);
             VerificationStartService service = new ServiceFactory(parent.env(), parent.home())
                     .logRequests(verbose.verbose)
                     .createStartService(serviceOptions.region, serviceOptions.endpoint, serviceOptions.timeout)) {
            started = service.start(request);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"BizToken\":" + quote(started.bizToken()) + ",\"VerificationURL\":"
                    + quote(started.verificationUrl()) + ",\"RequestId\":" + quote(started.requestId()) + "}");
        } else {
            out.println("BizToken         " + started.bizToken());
            out.println("VerificationURL  " + started.verificationUrl());
            out.println("RequestId        " + started.requestId());
            out.println("Open the URL in the customer's browser within 10 minutes; then `faceid result "
                    + started.bizToken() + "`.");
        }
        out.flush();
        return ExitCodes.PASSED;
    }

    private WebVerificationRequest request() {
        WebVerificationConfig.Builder config = WebVerificationConfig.builder();
        if (checkMode != null) {
            if (checkMode < 1 || checkMode > 4) {
                throw new InvalidRequestException("Config.CheckMode", "must be 1, 2, 3 or 4, not " + checkMode);
            }
            config.checkMode(CheckMode.of(checkMode));
        }
        if (idCardType != null) {
            config.idCardType(IdCardType.of(idCardType));
        }
        WebVerificationRequest.Builder builder = WebVerificationRequest.builder(redirectUrl).extra(extra)
                .ruleId(ruleId).config(config.build());
        if (compareImage != null) {
            builder.compareImage(MediaInput.ofPath(compareImage));
        }
        return builder.build();
    }

    /** The option that sets an API field, for messages: {@code CompareImageBase64} is {@code --compare-image}. */
    static String option(String field) {
        return switch (field) {
            case "RedirectURL" -> "--redirect-url";
            case "Extra" -> "--extra";
            case "RuleId" -> "--rule-id";
            case "CompareImageBase64" -> "--compare-image";
            case "Config.CheckMode" -> "--check-mode";
            case "Config.IDCardType" -> "--id-card-type";
            default -> field;
        };
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
