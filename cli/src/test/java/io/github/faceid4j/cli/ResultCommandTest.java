package io.github.faceid4j.cli;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.SyntheticPerson;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code faceid result} against a real emulator on 127.0.0.1, with temporary credentials. */
class ResultCommandTest {

    private static final String SECRET_ID = "AKIDCLITEST000000000000000000000001";
    // random-looking: any 8-character piece of them in the output is a leak (see Leaks)
    private static final String SECRET_KEY = "Cr3Mx8QzK1vW6bTd4NhY9pLs0JfG5aRe";
    private static final String SESSION_TOKEN = "Cs7Vb2ZqX9kN4rMd1TcH6yPf3LjA8gWe";
    private static final String[] PERSONAL = {SyntheticPerson.NAME, SyntheticPerson.FIRST_NAME,
            SyntheticPerson.NAME_LOCAL, SyntheticPerson.ID_NUMBER, SyntheticPerson.LICENSE_NUMBER,
            SyntheticPerson.ADDRESS, SyntheticPerson.BIRTHDAY, SyntheticPerson.EXTRA};

    /** One emulator for the class, reset before each test. */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(FaceIdEmulator.builder()
            .credentials(SECRET_ID, SECRET_KEY)
            .sessionToken(SESSION_TOKEN)
            .rateLimitPerSecond(1000)); // the suite is fast; the 20/s limit is the emulator's own tests' concern

    private static FaceIdEmulator emulator;
    private static String endpoint;

    private final List<Cli.Run> runs = new ArrayList<>();

    @BeforeAll
    static void startEmulator() {
        endpoint = EMULATOR.get().endpoint().toString();
    }

    @BeforeEach
    void emulator() {
        emulator = EMULATOR.get(); // reset by the extension before each test
    }

    /** Whatever a test ran: the secret key and the session token never appear, in any output. */
    @AfterEach
    void secretsNeverPrinted() {
        for (Cli.Run run : runs) {
            Leaks.of("SecretKey", SECRET_KEY).and("session token", SESSION_TOKEN).assertNotIn("the output", run.all());
        }
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", SECRET_ID);
        env.put("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
        env.put("TENCENTCLOUD_SESSION_TOKEN", SESSION_TOKEN);
        return env;
    }

    private Cli.Run result(Map<String, String> env, String token, String... more) {
        List<String> args = new ArrayList<>(List.of("result", token, "--region", "ap-singapore", "--endpoint", endpoint));
        args.addAll(List.of(more));
        return record(Cli.run(env, args.toArray(String[]::new)));
    }

    private Cli.Run result(String token, String... more) {
        return result(env(), token, more);
    }

    private Cli.Run record(Cli.Run run) {
        runs.add(run);
        return run;
    }

    @Test
    void passedPrintsSummaryAndExits0() {
        Cli.Run run = result("passed-cli-1234");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("BizToken    pass...")
                .doesNotContain("passed-cli-1234")
                .contains("Outcome     0 (Success: the person is the same as in the photo)")
                .contains("Passed      yes")
                .contains("Tries       2 by the customer (VerificationDetailList)")
                .contains("#1 ErrorCode 1207 (No eye closing detected)")
                .contains("liveness 1207 (No eye closing detected), compare -, similarity -, at 20")
                .contains("#2 ErrorCode 0 (Success")
                .contains("liveness 0 (passed), compare 0 (passed), similarity 92.5 (same person)")
                .contains("OCR #1      passed yes")
                .contains("CardInfo        MLIDCard, GeneralCard")
                .contains("Warnings        9102 (Photocopy)")
                .contains("MLIDCard        Name=***, ID=***")
                .contains("OriginalCardInfo  ***")
                .contains("Extra       ***")
                .containsPattern("RequestId   [0-9a-f-]{36}")
                .contains("video                    65536 bytes")
                .contains("OCR #1 head")
                .contains("(personal data masked as ***; --reveal-pii shows it)");
        assertThat(run.out()).doesNotContain(PERSONAL);
        assertThat(emulator.requests()).singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.header("X-TC-Region")).isEqualTo("ap-singapore");
            assertThat(r.header("X-TC-Token")).isEqualTo(SESSION_TOKEN);
        });
    }

    @ParameterizedTest(name = "{0} -> exit {1}")
    @CsvSource(delimiter = '|', value = {
            "failed-1     | 1 | Outcome     1005 (Liveness failed)",
            "unfinished-1 | 1 | Passed      no (not finished: ask again later)",
            "expired-1    | 3 | error: the service answered InvalidParameterValue.BizTokenExpired",
            "illegal-1    | 3 | error: the service answered InvalidParameterValue.BizTokenIllegal",
            "internal-1   | 3 | error: the service answered InternalError",
            "malformed-1  | 4 | error: the answer could not be read"})
    void exitCodesFollowTheOutcome(String token, int exitCode, String expected) {
        Cli.Run run = result(token);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(exitCode);
        assertThat(run.all()).contains(expected).doesNotContain(PERSONAL).doesNotContain(token);
        if (exitCode == 3) {
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).containsPattern("\\(RequestId [0-9a-f-]{36}\\)").contains("hint: ")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void jsonUsesTheApiNamesAndMasksPersonalDataAndMedia() throws IOException {
        Cli.Run run = result("passed-json", "--json");

        assertThat(run.exitCode()).isZero();
        JsonObject json = parse(run.out());
        assertThat(json.getInt("ErrorCode")).isZero();
        assertThat(json.getString("RequestId")).hasSize(36);
        assertThat(json.getString("Extra")).isEqualTo("***");
        assertThat(json.getJsonArray("VerificationDetailList")).hasSize(2);
        assertThat(json.getString("VideoBase64")).isEqualTo("<media: 65536 bytes>");
        JsonObject ocr = json.getJsonArray("OCRResult").getJsonObject(0);
        assertThat(ocr.getBoolean("IsPass")).isTrue();
        assertThat(ocr.getString("OriginalCardInfo")).isEqualTo("***");
        assertThat(ocr.getJsonObject("CardInfo").getJsonObject("MLIDCard").getString("Name")).isEqualTo("***");
        assertThat(ocr.getJsonObject("CardInfo").getJsonObject("GeneralCard").getJsonObject("Address")
                .getString("FormattedAddress")).isEqualTo("***");
        assertThat(ocr.getString("HeadImageBase64")).startsWith("<media: ");
        assertThat(run.out()).doesNotContain(PERSONAL);
        for (Media media : mediaOf(fetchDirectly())) {
            assertThat(run.out()).doesNotContain(media.toBase64().substring(0, 40));
        }
    }

    @Test
    void revealPiiShowsPersonalData() throws IOException {
        Cli.Run json = result("passed-pii", "--json", "--reveal-pii");
        Cli.Run human = result("passed-pii", "--reveal-pii");

        assertThat(json.exitCode()).isZero();
        JsonObject ocr = parse(json.out()).getJsonArray("OCRResult").getJsonObject(0);
        assertThat(ocr.getJsonObject("CardInfo").getJsonObject("MLIDCard").getString("Name"))
                .isEqualTo(SyntheticPerson.NAME);
        assertThat(ocr.getJsonObject("CardInfo").getJsonObject("MLIDCard").getString("ID"))
                .isEqualTo(SyntheticPerson.ID_NUMBER);
        assertThat(parse(json.out()).getString("Extra")).isEqualTo(SyntheticPerson.EXTRA);
        assertThat(human.out()).contains("Name=" + SyntheticPerson.NAME, "ID=" + SyntheticPerson.ID_NUMBER,
                "Extra       " + SyntheticPerson.EXTRA, SyntheticPerson.NAME_LOCAL).doesNotContain("masked");
        assertThat(human.all()).doesNotContain(mediaOf(fetchDirectly()).get(0).toBase64().substring(0, 40));
    }

    @Test
    void outWritesEveryMediaAsFiles(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("media");
        Cli.Run run = result("passed-out", "--out", dir.toString(), "--json");

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonObject json = parse(run.out());
        Path folder = dir.resolve("result-" + json.getString("RequestId"));
        VerificationResult expected = fetchDirectly();
        OcrResult ocr = expected.ocrResult().get(0);
        Map<String, Media> files = new LinkedHashMap<>();
        files.put("video.mp4", expected.videoBase64());
        files.put("best-frame.jpg", expected.bestFrameBase64());
        files.put("ocr-1-card-front.jpg", ocr.cardImageBase64());
        files.put("ocr-1-card-back.jpg", ocr.cardBackImageBase64());
        files.put("ocr-1-card-front-cut.jpg", ocr.cardCutImageBase64());
        files.put("ocr-1-card-back-cut.jpg", ocr.cardBackCutImageBase64());
        files.put("ocr-1-head.jpg", ocr.headImageBase64());
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(files.keySet());
        }
        for (Map.Entry<String, Media> e : files.entrySet()) {
            assertThat(Files.readAllBytes(folder.resolve(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue().toByteArray());
        }
        assertThat(json.getString("VideoBase64")).isEqualTo(folder.resolve("video.mp4").toAbsolutePath().toString());
        assertThat(json.getJsonArray("OCRResult").getJsonObject(0).getString("HeadImageBase64"))
                .endsWith("ocr-1-head.jpg");

        Cli.Run human = result("passed-out", "--out", dir.toString());
        assertThat(human.out()).contains("Media       7 saved").containsPattern(
                java.util.regex.Pattern.quote(dir.toString()) + "/result-[0-9a-f-]+/best-frame\\.jpg");
    }

    @Test
    void outKeepsEachResultInAFolderOfItsOwnThatOnlyTheOwnerCanEnter(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("media");
        Cli.Run first = result("passed-customer-a", "--out", dir.toString(), "--json");
        Cli.Run second = result("failed-customer-b", "--out", dir.toString(), "--json");
        Cli.Run unfinished = result("unfinished-customer-c", "--out", dir.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(second.exitCode()).as(second.all()).isEqualTo(1);
        assertThat(unfinished.exitCode()).as(unfinished.all()).isEqualTo(1);

        String firstId = parse(first.out()).getString("RequestId");
        String secondId = parse(second.out()).getString("RequestId");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())) // nothing for the result without media
                    .containsExactlyInAnyOrder("result-" + firstId, "result-" + secondId);
        }
        VerificationResult a = fetchDirectly("passed-again");
        VerificationResult b = fetchDirectly("failed-again");
        assertHoldsExactly(dir.resolve("result-" + firstId), a);
        assertHoldsExactly(dir.resolve("result-" + secondId), b);
        assertThat(parse(second.out()).getString("VideoBase64"))
                .isEqualTo(dir.resolve("result-" + secondId).resolve("video.mp4").toAbsolutePath().toString());

        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            for (String id : List.of(firstId, secondId)) {
                Path folder = dir.resolve("result-" + id);
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
                try (var files = Files.list(folder)) {
                    files.forEach(f -> assertThat(permissions(f)).as(f.toString()).isEqualTo("rw-------"));
                }
            }
        }
    }

    @Test
    void aSecondFetchOfTheSameTokenGetsItsOwnFolderAndLeavesTheFirstAlone(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("media");
        Cli.Run first = result("passed-twice", "--out", dir.toString(), "--json");
        String id = parse(first.out()).getString("RequestId");
        Path folder = dir.resolve("result-" + id);
        Files.writeString(folder.resolve("video.mp4"), "kept as it was");

        Cli.Run again = result("passed-twice", "--out", dir.toString(), "--json");

        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(parse(again.out()).getString("RequestId")).isNotEqualTo(id);
        assertThat(Files.readString(folder.resolve("video.mp4"))).isEqualTo("kept as it was");
    }

    @Test
    void aFolderThatExistsIsNeverWrittenInto(@TempDir Path tmp) throws IOException {
        VerificationResult result = fetchDirectly("passed-existing");
        Path dir = MediaFiles.prepare(tmp.resolve("media"));
        Path taken = Files.createDirectory(dir.resolve("result-" + result.requestId()));

        assertThatThrownBy(() -> MediaFiles.write(dir, result, MediaItem.of(result)))
                .hasMessageContaining(taken.toString()).hasMessageContaining("already exists");
        try (var listing = Files.list(taken)) {
            assertThat(listing).isEmpty();
        }
    }

    @Test
    void anUnsafeRequestIdNeverLeavesTheFolder(@TempDir Path tmp) {
        assertThat(MediaFiles.folderName("../../etc")).startsWith("result-").doesNotContain("/").doesNotContain("..");
        assertThat(MediaFiles.folderName(null)).startsWith("result-");
        assertThat(MediaFiles.folderName("7c9e6679-7425-40de-944b-e07fc1f90ae7"))
                .isEqualTo("result-7c9e6679-7425-40de-944b-e07fc1f90ae7");
    }

    private static String permissions(Path file) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertHoldsExactly(Path folder, VerificationResult result) throws IOException {
        Map<String, Media> expected = new LinkedHashMap<>();
        MediaItem.of(result).forEach(item -> expected.put(item.fileName(), item.media()));
        try (var listing = Files.list(folder)) {
            assertThat(listing.map(p -> p.getFileName().toString())).as(folder.toString())
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        for (Map.Entry<String, Media> e : expected.entrySet()) {
            assertThat(Files.readAllBytes(folder.resolve(e.getKey()))).as(e.getKey())
                    .isEqualTo(e.getValue().toByteArray());
        }
    }

    @Test
    void missingCredentialsIsExit2AndSendsNothing() {
        Map<String, String> env = env();
        env.remove("TENCENTCLOUD_SECRET_KEY");
        env.put("TENCENTCLOUD_SECRET_ID", "  ");

        Cli.Run run = result(env, "passed-1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: TENCENTCLOUD_SECRET_ID is not set")
                .contains("error: TENCENTCLOUD_SECRET_KEY is not set")
                .contains("hint: export TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY");
        assertThat(run.out()).isEmpty();
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void unsupportedRegionIsExit2AndSendsNothing() {
        Cli.Run run = record(Cli.run(env(), "result", "passed-1", "--region", "ap-beijing", "--endpoint", endpoint));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error: --region 'ap-beijing' is not supported").contains("hint: ");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void regionIsRequiredUnlessTheEnvironmentSetsIt() {
        Cli.Run missing = record(Cli.run(env(), "result", "passed-1", "--endpoint", endpoint));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("error: --region is required").contains("TENCENTCLOUD_REGION");
        assertThat(emulator.requests()).isEmpty();

        Map<String, String> env = env();
        env.put("TENCENTCLOUD_REGION", "ap-jakarta");
        Cli.Run fromEnv = record(Cli.run(env, "result", "passed-1", "--endpoint", endpoint));
        assertThat(fromEnv.exitCode()).as(fromEnv.all()).isZero();
        assertThat(emulator.requests()).singleElement()
                .satisfies(r -> assertThat(r.header("X-TC-Region")).isEqualTo("ap-jakarta"));
    }

    @Test
    void blankTokenIsExit2AndSendsNothing() {
        Cli.Run blank = result("   ");
        Cli.Run badCharacters = result("not a token!");

        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("error: BIZ_TOKEN must not be blank");
        assertThat(badCharacters.exitCode()).isEqualTo(2);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void badEndpointAndTimeoutAreExit2AndSendNothing() {
        Cli.Run endpointRun = record(Cli.run(env(), "result", "passed-1", "--region", "ap-singapore",
                "--endpoint", "http://faceid.example.com"));
        Cli.Run timeoutRun = result("passed-1", "--timeout", "soon");
        Cli.Run zeroRun = result("passed-1", "--timeout", "0s");

        assertThat(endpointRun.exitCode()).isEqualTo(2);
        assertThat(endpointRun.err()).startsWith("error: --endpoint plain http is only allowed to a loopback host");
        assertThat(timeoutRun.exitCode()).isEqualTo(2);
        assertThat(timeoutRun.err()).contains("'soon' is not a duration").contains("hint: `faceid result --help`");
        assertThat(zeroRun.exitCode()).isEqualTo(2);
        assertThat(zeroRun.err()).contains("error: --timeout must be a positive duration");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void outThatIsAFileIsExit2AndSendsNothing(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");

        Cli.Run run = result("passed-1", "--out", file.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: --out").contains("is not a directory");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void connectionRefusedIsExit4WithoutStackTrace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String[] args = {"result", "passed-1", "--region", "ap-singapore", "--endpoint",
                "http://127.0.0.1:" + closedPort};

        Cli.Run run = record(Cli.run(env(), args));

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: no answer: ").contains("hint: ").doesNotContain("\tat ");
        assertThat(run.err().lines().count()).isEqualTo(2);
    }

    @Test
    void verboseAddsTheStackTrace() {
        Cli.Run run = result("malformed-verbose", "--verbose");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("error: the answer could not be read").contains("\tat ");
    }

    @Test
    void timeoutIsAppliedToTheWait() {
        long start = System.nanoTime();
        Cli.Run run = result("slow-1", "--timeout", "300ms");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: no answer in time").contains("--timeout");
        assertThat(millis).isLessThan(2_900);
        // the duration as the user wrote it; the library's attempts as HTTP requests
        assertThat(run.err()).contains("300ms").doesNotContain("PT0.3S").doesNotContain("attempt");
    }

    @Test
    void retriedErrorsCountHttpRequestsNotAttempts() {
        Cli.Run run = result("internal-retried");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("error: the service answered InternalError").contains("(after 3 HTTP requests)")
                .doesNotContain("attempt");
    }

    @Test
    void libraryMessagesAreShownInTheCommandLinesTerms() {
        assertThat(Failures.inCliTerms("did not complete within its deadline of PT2S (callTimeout) after 1 attempt(s)"))
                .isEqualTo("did not complete within its deadline of 2s (--timeout) after 1 HTTP request");
        assertThat(Failures.inCliTerms("deadline of PT0.5S, PT1M30S, PT1H after 3 attempt(s)"))
                .isEqualTo("deadline of 500ms, 90s, 1h after 3 HTTP requests");
        assertThat(Failures.inCliTerms("EXCEPT PT and PTX")).isEqualTo("EXCEPT PT and PTX");
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The same result, fetched with the library directly: the media the CLI must have written. */
    private static VerificationResult fetchDirectly() {
        return fetchDirectly("passed-direct");
    }

    private static VerificationResult fetchDirectly(String token) {
        try (VerificationResultService service = FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY, SESSION_TOKEN))
                .build()) {
            return service.getResult(token);
        }
    }

    private static List<Media> mediaOf(VerificationResult result) {
        return MediaItem.of(result).stream().map(MediaItem::media).toList();
    }

    @Test
    void serviceTextReachesTheTerminalAsPrintableCharactersOnlyAndJsonStaysValid() {
        String hostile = "bad\\u001b[2Jclear\\u0007bell\\u009bcsi\\u202eevil";
        emulator.script("hostile-1", io.github.faceid4j.emulator.Scenario.httpStatus(200, "application/json",
                "{\"Response\":{\"ErrorCode\":1005,\"ErrorMsg\":\"" + hostile + "\",\"Extra\":\"x\\u001b]0;title\\u0007\","
                        + "\"RequestId\":\"r-1\"}}"));
        Cli.Run summary = result("hostile-1", "--reveal-pii");
        Cli.Run json = result("hostile-1", "--json", "--reveal-pii");
        for (Cli.Run run : List.of(summary, json)) {
            assertThat(run.out().chars().filter(c -> !PrintableWriter.shown(c))).as(run.out()).isEmpty();
            assertThat(run.err().chars().filter(c -> !PrintableWriter.shown(c))).isEmpty();
        }
        assertThat(summary.out()).contains("bad\\u001b[2Jclear\\u0007bell\\u009bcsi\\u202eevil");
        jakarta.json.JsonObject parsed = jakarta.json.Json.createReader(new java.io.StringReader(json.out())).readObject();
        assertThat(parsed.getString("ErrorMsg")).isEqualTo("bad\u001b[2Jclear\u0007bell\u009bcsi\u202eevil");
    }
}
