package io.github.faceid4j.cli;

import io.github.faceid4j.VerificationResultService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * {@code faceid results --tokens FILE}: fetches many results within the rate limit, one JSON line per token.
 *
 * <p>All calls go through one service, so its rate limiter paces them (20 per second by default); a few are in flight
 * at once. A token that fails is recorded and the run goes on.
 */
@Command(name = "results",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Fetches the results of many BizTokens (one per line in FILE; blank lines and # comments skipped)"
                        + " within the service's rate limit, and writes one JSON line per token to results.jsonl in"
                        + " the output folder: the result (API field names, personal data masked unless --reveal-pii,"
                        + " media as their size) or the error.",
                "Tokens appear masked; the \"line\" member ties each JSON line to its line in FILE."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every result fetched and passed",
                "1:every result fetched, some not passed or not finished",
                "2:usage or configuration error; nothing was sent",
                "3:some tokens failed with a service error (and none without an answer)",
                "4:some tokens got no usable answer"})
final class ResultsCommand implements Callable<Integer> {

    static final String OUTPUT_FILE = "results.jsonl";
    /** Calls in flight at once; the rate limiter, not this, sets the pace. */
    static final int IN_FLIGHT = 8;

    @ParentCommand
    FaceIdCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--tokens", required = true, paramLabel = "FILE", description = "File with one BizToken per line.")
    Path tokens;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for results.jsonl. Default: the current folder.")
    Path out = Path.of(".");

    @Option(names = "--region", paramLabel = "REGION",
            description = "ap-singapore, ap-jakarta, ap-bangkok, ap-hongkong or sa-saopaulo. Required unless TENCENTCLOUD_REGION is set.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Where to send requests (see `faceid result -h`).")
    String endpoint;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of each token's call, retries and rate-limit wait included: 500ms, 2s, 1m or"
                    + " PT2S. Default: 60s.")
    Duration timeout;

    @Option(names = "--reveal-pii", description = "Write personal data instead of ***.")
    boolean revealPii;

    @Mixin
    VerboseOption verbose;

    /** Overridable in tests; by default a bar when stderr is a terminal, plain lines otherwise. */
    Boolean terminal;

    @Override
    public Integer call() {
        List<Token> list = readTokens();
        Path file = prepareOutput();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, list.size(), terminal != null ? terminal : System.console() != null);
        Tally tally = new Tally();
        ResultLines lines = new ResultLines(revealPii);
        try (RequestLog log = RequestLog.to(err, verbose.verbose);
             VerificationResultService service = new ServiceFactory(parent.env(), parent.home())
                     .logRequests(verbose.verbose).create(region, endpoint, timeout);
             OwnerOnlyFile output = OwnerOnlyFile.create(file);
             BufferedWriter writer = output.writer()) {
            Semaphore inFlight = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<Void>> calls = new ArrayList<>();
            for (Token token : list) {
                inFlight.acquireUninterruptibly();
                calls.add(service.getResultAsync(token.value()).toCompletableFuture()
                        .handle((result, error) -> {
                            String line = lines.line(token, result, error);
                            synchronized (writer) {
                                tally.count(result, error);
                                write(writer, line);
                                progress.advance(tally);
                            }
                            return (Void) null;
                        })
                        .whenComplete((v, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            writer.flush();
            output.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        progress.finish();
        PrintWriter stdout = spec.commandLine().getOut();
        tally.print(stdout, file);
        stdout.flush();
        return tally.exitCode();
    }

    record Token(int line, String value) {
    }

    private List<Token> readTokens() {
        List<String> lines;
        try {
            lines = Files.readAllLines(tokens, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--tokens: cannot read " + tokens + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<Token> list = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String value = lines.get(i).strip();
            if (!value.isEmpty() && !value.startsWith("#")) {
                list.add(new Token(i + 1, value));
            }
        }
        if (list.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--tokens: " + tokens + " holds no token");
        }
        return list;
    }

    /**
     * The folder (owner-only when created here) and the path of results.jsonl in it. The file itself is not touched
     * here: {@link OwnerOnlyFile} writes a new owner-only file and renames it over whatever has that name, a planted
     * link included, which is replaced and never followed (nor its target's permissions changed).
     */
    private Path prepareOutput() {
        try {
            if (!Files.isDirectory(out)) {
                Files.createDirectories(out, MediaFiles.ownerOnly(out));
            }
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out: cannot create " + out + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(out)) {
            throw new ParameterException(spec.commandLine(), "--out: " + out + " is not writable");
        }
        return out.resolve(OUTPUT_FILE);
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
