package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.SyntheticPerson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faceid results} against a real emulator measuring how fast the command sends (20 per second at most). */
class ResultsCommandTest {

    /**
     * One emulator for the class, reset before each test. It counts arrivals without refusing any: an emulator
     * refusing the 21st request could never show a 21st.
     */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR =
            new FaceIdEmulatorExtension(FaceIdEmulator.builder().rateLimitEnforced(false));

    private static FaceIdEmulator emulator;

    @BeforeEach
    void emulator() {
        emulator = EMULATOR.get(); // reset by the extension before each test
    }

    static Map<String, String> env() {
        return Map.of("TENCENTCLOUD_SECRET_ID", emulator.secretId(), "TENCENTCLOUD_SECRET_KEY", emulator.secretKey(),
                "TENCENTCLOUD_REGION", "ap-singapore");
    }

    static List<JsonObject> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(l -> Json.createReader(new StringReader(l)).readObject()).collect(Collectors.toList());
    }

    @Test
    void fetchesManyTokensWithinTheRateLimitAndGoesOnPastErrors(@TempDir Path dir) throws Exception {
        List<String> tokens = new ArrayList<>(IntStream.range(0, 40).mapToObj(i -> "passed-batch-" + i).toList());
        tokens.add(5, "# a comment");
        tokens.add(6, "");
        tokens.add("expired-batch-1");
        tokens.add("failed-batch-1");
        Path file = Files.write(dir.resolve("tokens.txt"), tokens);
        Path out = dir.resolve("report");

        Cli.Run run = Cli.run(env(), "results", "--tokens", file.toString(), "--out", out.toString(),
                "--endpoint", emulator.endpoint().toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.SERVICE_ERROR);
        List<JsonObject> lines = lines(out.resolve("results.jsonl"));
        assertThat(lines).hasSize(42);
        assertThat(lines).filteredOn(l -> l.getString("status").equals("passed")).hasSize(40);
        JsonObject expired = lines.stream().filter(l -> l.getString("status").equals("error")).findFirst().orElseThrow();
        assertThat(expired.getInt("line")).isEqualTo(43);
        assertThat(expired.getString("token")).isEqualTo("expi...");
        assertThat(expired.getJsonObject("error").getString("code")).isEqualTo("InvalidParameterValue.BizTokenExpired");
        assertThat(expired.getJsonObject("error").getInt("attempts")).isEqualTo(1);
        JsonObject failed = lines.stream().filter(l -> l.getString("status").equals("not-passed")).findFirst().orElseThrow();
        assertThat(failed.getJsonObject("result").getJsonNumber("ErrorCode").longValue()).isEqualTo(1005);
        JsonObject passed = lines.stream().filter(l -> l.getString("status").equals("passed")).findFirst().orElseThrow();
        assertThat(passed.getJsonObject("result").getString("VideoBase64")).startsWith("<media: ");

        String report = Files.readString(out.resolve("results.jsonl"));
        assertThat(report).doesNotContain(SyntheticPerson.NAME, SyntheticPerson.ID_NUMBER, "passed-batch-1");
        assertThat(run.out()).contains("42 tokens: 40 passed, 1 not passed or not finished, 1 failed",
                "InvalidParameterValue.BizTokenExpired");
        assertThat(run.err()).contains("progress: 42/42 (100%)");

        assertThat(emulator.requests()).hasSize(42);
        assertThat(emulator.maxRequestsInAnyOneSecondWindow()).as(emulator.requests().stream()
                .map(r -> r.arrival() + " " + r.bizToken() + " " + r.outcome()).collect(Collectors.joining("\n")))
                .isLessThanOrEqualTo(20);
    }

    @Test
    void allPassedExitsZeroAndRevealPiiShowsPersonalData(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("tokens.txt"), List.of("passed-a", "passed-b"));
        Cli.Run run = Cli.run(env(), "results", "--tokens", file.toString(), "--out", dir.toString(), "--reveal-pii",
                "--endpoint", emulator.endpoint().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(dir.resolve("results.jsonl"))).contains(SyntheticPerson.NAME);
    }

    @Test
    void theReportFolderAndFileAreOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("tokens.txt"), List.of("passed-a"));
        Path out = dir.resolve("new-report");
        Cli.Run run = Cli.run(env(), "results", "--tokens", file.toString(), "--out", out.toString(),
                "--endpoint", emulator.endpoint().toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        if (out.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
                    .isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out.resolve("results.jsonl")))).isEqualTo("rw-------");
        }
    }

    @Test
    void aTimeoutIsReportedWithTheDurationAsTheUserWroteIt(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("tokens.txt"), List.of("slow-a"));
        Cli.Run run = Cli.run(env(), "results", "--tokens", file.toString(), "--out", dir.toString(),
                "--timeout", "300ms", "--endpoint", emulator.endpoint().toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.NO_ANSWER);
        String message = lines(dir.resolve("results.jsonl")).get(0).getJsonObject("error").getString("message");
        assertThat(message).contains("300ms").doesNotContain("PT0.3S");
    }

    @Test
    void noUsableAnswerExitsFour(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("tokens.txt"), List.of("passed-a", "malformed-b"));
        Cli.Run run = Cli.run(env(), "results", "--tokens", file.toString(), "--out", dir.toString(),
                "--endpoint", emulator.endpoint().toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_ANSWER);
        assertThat(lines(dir.resolve("results.jsonl"))).extracting(l -> l.getString("status"))
                .containsExactlyInAnyOrder("passed", "error");
    }

    @Test
    void usageErrorsSendNothing(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), List.of("# nothing", ""));
        assertThat(Cli.run(env(), "results", "--tokens", empty.toString(), "--endpoint",
                emulator.endpoint().toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run(env(), "results", "--tokens", dir.resolve("missing.txt").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        Path file = Files.write(dir.resolve("tokens.txt"), List.of("passed-a"));
        assertThat(Cli.run(Map.of("TENCENTCLOUD_REGION", "ap-singapore"), "results", "--tokens", file.toString(),
                "--endpoint", emulator.endpoint().toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void progressIsABarOnATerminal() {
        StringWriter text = new StringWriter();
        Progress progress = new Progress(new PrintWriter(text), 4, true);
        Tally tally = new Tally();
        tally.passed = 2;
        progress.advance(tally);
        assertThat(text.toString()).isEqualTo("\r[###############               ] 2/4  failed 0");
    }

    @Test
    void resultsAreOwnerOnlyWrittenAtomicallyAndNeverThroughAPlantedLink(@TempDir Path dir) throws Exception {
        Path tokens = Files.write(dir.resolve("tokens.txt"), List.of("passed-perm-1", "passed-perm-2"));
        Path out = Files.createDirectories(dir.resolve("report"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "not yours to truncate");
        String victimMode = java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(victim));
        Files.createSymbolicLink(out.resolve("results.jsonl"), victim);

        Cli.Run run = Cli.run(env(), "results", "--tokens", tokens.toString(), "--out", out.toString(),
                "--endpoint", emulator.endpoint().toString(), "--reveal-pii");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("not yours to truncate");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(victim)))
                .as("the link's target is not touched, its permissions neither").isEqualTo(victimMode);
        Path results = out.resolve("results.jsonl");
        assertThat(Files.isSymbolicLink(results)).isFalse();
        assertThat(lines(results)).hasSize(2);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(results,
                java.nio.file.LinkOption.NOFOLLOW_LINKS))).isEqualTo("rw-------");
        try (var left = Files.list(out)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("results.jsonl");
        }

        // an earlier, world-readable results file is replaced by an owner-only one
        Files.setPosixFilePermissions(results, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Cli.run(env(), "results", "--tokens", tokens.toString(), "--out", out.toString(),
                "--endpoint", emulator.endpoint().toString()).exitCode()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(results)))
                .isEqualTo("rw-------");
    }

    @Test
    void anInvalidTokenIsClassifiedAsByResultAUsageErrorNotAMissingAnswer(@TempDir Path dir) throws Exception {
        Path tokens = Files.write(dir.resolve("tokens.txt"), List.of("passed-ok-1", "not a token!", "passed-ok-2"));
        Cli.Run run = Cli.run(env(), "results", "--tokens", tokens.toString(), "--out", dir.toString(),
                "--endpoint", emulator.endpoint().toString());
        Cli.Run single = Cli.run(env(), "result", "not a token!", "--endpoint", emulator.endpoint().toString());

        assertThat(single.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.exitCode()).as(run.all()).isEqualTo(single.exitCode());
        assertThat(run.out()).contains("3 tokens: 2 passed, 0 not passed or not finished, 1 failed")
                .contains("InvalidBizTokenException");
        assertThat(lines(dir.resolve("results.jsonl"))).filteredOn(l -> l.getString("status").equals("error"))
                .singleElement().satisfies(l -> assertThat(l.getJsonObject("error").getString("type"))
                        .isEqualTo("InvalidBizTokenException"));
    }
}
