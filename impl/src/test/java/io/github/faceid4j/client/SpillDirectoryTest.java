package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import com.sun.net.httpserver.HttpServer;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Large answers kept in a spill file instead of on the heap ({@link FaceIdServiceBuilder#spillDirectory}), against
 * the emulator and a plain HTTP server on loopback. What the process holds is read from {@code /proc/self}: the
 * mappings and descriptors of spill files are the proof that a body went to a file, and that it is let go.
 */
class SpillDirectoryTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @TempDir
    Path spill;

    private HttpServer server;

    @BeforeEach
    void linuxOnlyAndNoSpillFileOfAnotherTest() throws InterruptedException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "reads /proc/self to see spill files");
        assertThat(awaitNoSpillMappings()).as("earlier tests' results let go").isTrue();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(EMULATOR.get().endpoint())
                .credentials(Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey()));
    }

    @Test
    void aLargeResultIsSpilledAndReadsBackExactlyAsFromMemory() throws Exception {
        EMULATOR.get().script("big", Scenario.passedWithVideoOfSize(3 * 1024 * 1024),
                Scenario.passedWithVideoOfSize(3 * 1024 * 1024));
        VerificationResult inMemory;
        try (VerificationResultService service = builder().build()) {
            inMemory = service.getResult("big");
        }
        assertThat(spillMappings()).isZero();
        try (VerificationResultService service = builder().spillDirectory(spill).build()) {
            VerificationResult spilled = service.getResult("big");

            assertThat(spillMappings()).as("the body is mapped from a spill file").isEqualTo(1);
            try (Stream<Path> names = Files.list(spill)) {
                assertThat(names).as("the file's name is gone as soon as it is opened").isEmpty();
            }
            // the emulator makes new request ids and timestamps per answer: the rest must be the same
            assertThat(spilled.errorCode()).isEqualTo(inMemory.errorCode());
            assertThat(spilled.attempts()).hasSameSizeAs(inMemory.attempts());
            assertThat(spilled.ocrResult().get(0).cardInfo()).isEqualTo(inMemory.ocrResult().get(0).cardInfo());
            assertSameMedia(spilled.videoBase64(), inMemory.videoBase64());
            assertSameMedia(spilled.bestFrameBase64(), inMemory.bestFrameBase64());
            assertSameMedia(spilled.ocrResult().get(0).cardImageBase64(), inMemory.ocrResult().get(0).cardImageBase64());
            Path copy = spill.resolve("video.mp4");
            assertThat(spilled.videoBase64().writeTo(copy)).isEqualTo(3 * 1024 * 1024);
            assertThat(Files.readAllBytes(copy)).isEqualTo(inMemory.videoBase64().toByteArray());
            spilled = null;
            assertThat(awaitNoSpillMappings()).as("the mapping goes once the result is unreachable").isTrue();
        }
        assertThat(openSpillFiles()).isZero();
    }

    @Test
    void aSmallResultStaysInMemory() {
        try (VerificationResultService service = builder().spillDirectory(spill).build()) {
            VerificationResult result = service.getResult("passed-small");
            assertThat(result.videoBase64().size()).isPositive().isLessThan(FaceIdServiceBuilder.DEFAULT_SPILL_THRESHOLD);
            assertThat(spillMappings()).isZero();
            assertThat(openSpillFiles()).isZero();
        }
    }

    @Test
    void spilledMediaSurviveAnInterruptedReader() throws Exception {
        EMULATOR.get().script("big-interrupt", Scenario.passedWithVideoOfSize(2 * 1024 * 1024));
        try (VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0).build()) {
            VerificationResult result = service.getResult("big-interrupt");
            byte[] before = result.videoBase64().toByteArray();
            Thread.currentThread().interrupt();
            try {
                // a file channel read by an interrupted thread would close the channel for every reader
                assertThat(result.videoBase64().toByteArray()).isEqualTo(before);
            } finally {
                assertThat(Thread.interrupted()).isTrue();
            }
            assertThat(result.videoBase64().openStream().readAllBytes()).isEqualTo(before);
        }
    }

    @Test
    void spillFilesAreOwnerOnly() throws Exception {
        assumeTrue(spill.getFileSystem().supportedFileAttributeViews().contains("posix"));
        try (ResponseBody.Spilled body = ResponseBody.Spilled.create(spill)) {
            body.append("{}".getBytes(StandardCharsets.US_ASCII), 2);
            Path descriptor = spillDescriptors().get(0);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(descriptor))).isEqualTo("rw-------");
        }
        assertThat(openSpillFiles()).isZero();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}-byte video, threshold {1}: spilled {2}")
    @org.junit.jupiter.params.provider.CsvSource({
            "8000, 0, true",          // a small chunked answer: threshold 0 spills every answer
            "700000, 100000, true",   // switches part way, at no block boundary
            "50000, 100000, true",    // just above the threshold (~107 KB with the frame), below the next power of two
            "40000, 100000, false",   // just below it (~94 KB)
            "700000, 2000000, false"})
    void aChunkedAnswerMovesToTheFileAsSoonAsItIsPastTheThreshold(int videoBytes, int threshold, boolean spilled)
            throws Exception {
        byte[] video = randomBytes(videoBytes, 1);
        byte[] frame = randomBytes(30_000, 2);
        URI endpoint = serve(chunked(passedBody(video, frame, "")));
        try (VerificationResultService service = builder().endpoint(endpoint).spillDirectory(spill)
                .spillThreshold(threshold).build()) {
            VerificationResult result = service.getResult("chunked-1");
            assertThat(spillMappings()).isEqualTo(spilled ? 1 : 0);
            assertThat(result.videoBase64().toByteArray()).isEqualTo(video);
            assertThat(result.bestFrameBase64().toByteArray()).isEqualTo(frame);
            assertThat(result.requestId()).isEqualTo("req-chunked");
        }
    }

    @Test
    void aChunkedAnswerOfExactlyTheMaximumIsTakenOneByteMoreIsNot() throws Exception {
        byte[] body = passedBody(randomBytes(90_000, 5), randomBytes(1_000, 6), "");
        for (Path directory : new Path[] {null, spill}) {
            try (VerificationResultService service = builder().endpoint(serve(chunked(body))).maxAttempts(1)
                    .spillDirectory(directory).spillThreshold(0).maxResponseBytes(body.length).build()) {
                assertThat(service.getResult("exact-1").videoBase64().size()).isEqualTo(90_000);
            }
            stopServer();
            try (VerificationResultService service = builder().endpoint(serve(chunked(body))).maxAttempts(1)
                    .spillDirectory(directory).spillThreshold(0).maxResponseBytes(body.length - 1).build()) {
                assertThatThrownBy(() -> service.getResult("exact-2")).isInstanceOf(FaceIdDecodingException.class)
                        .hasMessageContaining("maxResponseBytes");
            }
            stopServer();
        }
        assertThat(openSpillFiles()).isZero();
    }

    @Test
    void escapedMediaInASpilledBodyAreUnescaped() throws Exception {
        byte[] video = randomBytes(400_000, 3);
        String escaped = Base64.getEncoder().encodeToString(video).replace("/", "\\/");
        byte[] body = ("{\"Response\":{\"ErrorCode\":0,\"ErrorMsg\":\"ok\",\"VideoBase64\":\"" + escaped
                + "\",\"RequestId\":\"req-escaped\"}}").getBytes(StandardCharsets.US_ASCII);
        try (VerificationResultService service = builder().endpoint(serve(fixedLength(body))).spillDirectory(spill)
                .spillThreshold(0).build()) {
            VerificationResult result = service.getResult("escaped-1");
            assertThat(result.videoBase64().toByteArray()).isEqualTo(video);
        }
    }

    @Test
    void aTruncatedSpilledBodyIsATransportErrorAndLeavesNothingOpen() {
        EMULATOR.get().script("cut-1", Scenario.truncatedMidBody());
        try (VerificationResultService service = builder().maxAttempts(1).spillDirectory(spill).spillThreshold(0)
                .build()) {
            assertThatThrownBy(() -> service.getResult("cut-1")).isInstanceOf(FaceIdTransportException.class);
        }
        assertThat(openSpillFiles()).isZero();
        assertThat(spillMappings()).isZero();
    }

    @Test
    void aMalformedSpilledBodyIsADecodingErrorThatNamesNoValue() throws Exception {
        byte[] body = ("{\"Response\":{\"ErrorCode\":0,\"Name\":\"SYNTHETIC-NAME\",\"VideoBase64\":\""
                + Base64.getEncoder().encodeToString(randomBytes(300_000, 4)) + "\",")
                .getBytes(StandardCharsets.US_ASCII); // cut off after a member
        try (VerificationResultService service = builder().endpoint(serve(chunked(body))).maxAttempts(1)
                .spillDirectory(spill).spillThreshold(0).build()) {
            assertThatThrownBy(() -> service.getResult("malformed-1"))
                    .isInstanceOfSatisfying(FaceIdDecodingException.class, e -> {
                        assertThat(e.getMessage()).contains("not valid JSON").doesNotContain("SYNTHETIC-NAME");
                        assertThat(e.bodyExcerpt()).contains("Response").doesNotContain("SYNTHETIC-NAME");
                    });
        }
        assertThat(openSpillFiles()).isZero();
    }

    @Test
    void aSpillDirectoryGoneAfterTheBuildFailsTheCallNamingTheSetting() throws Exception {
        Path directory = Files.createDirectory(spill.resolve("removed-later"));
        EMULATOR.get().script("gone-1", Scenario.passedWithVideoOfSize(64 * 1024));
        try (VerificationResultService service = builder().maxAttempts(1).spillDirectory(directory).spillThreshold(0)
                .build()) {
            Files.delete(directory);
            assertThatThrownBy(() -> service.getResult("gone-1"))
                    .isInstanceOfSatisfying(FaceIdTransportException.class, e -> assertThat(e.getMessage())
                            .contains("spill directory (spillDirectory)").doesNotContain(directory.toString()));
        }
        assertThat(openSpillFiles()).isZero();
    }

    @Test
    void spilledAnswersHeldByResultsInUseAreBoundedBySpillMaxBytes() throws Exception {
        for (String token : List.of("bound-a", "bound-b", "bound-c")) {
            EMULATOR.get().script(token, Scenario.passedWithVideoOfSize(1024 * 1024)); // ~1.4 MB answers
        }
        try (LogCapture log = new LogCapture();
             VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0)
                     .spillMaxBytes(2_000_000).build()) {
            VerificationResult a = service.getResult("bound-a");
            assertThat(spillMappings()).isEqualTo(1);

            // a is still in use: no room for b on disk, even after a collection; b is kept in memory, and works
            VerificationResult b = service.getResult("bound-b");
            assertThat(spillMappings()).isEqualTo(1);
            assertThat(b.videoBase64().size()).isEqualTo(1024 * 1024);
            assertThat(log.lines(SpillSpace.class.getName())).singleElement().asString()
                    .startsWith("WARNING").contains("spill space is full", "spillMaxBytes");

            // once a is let go, the collection the service asks for frees its space: c is spilled again (after the
            // second in which a collection that freed too little is not asked for again)
            assertThat(a.videoBase64().toByteArray()).hasSize(1024 * 1024);
            a = null;
            Thread.sleep(1_100);
            VerificationResult c = service.getResult("bound-c");
            assertThat(spillMappings()).as("a's mapping freed, c's made").isEqualTo(1);
            assertThat(c.videoBase64().toByteArray()).isEqualTo(b.videoBase64().toByteArray());
            assertThat(log.lines(SpillSpace.class.getName())).hasSize(1);
        }
    }

    @Test
    void concurrentAnswersReserveTheirSpaceBeforeTheyAreWritten() throws Exception {
        int calls = 6;
        for (int i = 0; i < calls; i++) {
            EMULATOR.get().script("reserve-" + i, Scenario.passedWithVideoOfSize(1024 * 1024)); // ~1.4 MB answers
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try (LogCapture log = new LogCapture();
             VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0)
                     .spillMaxBytes(3_000_000).maxConcurrency(calls).build()) {
            List<Future<VerificationResult>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String token = "reserve-" + i;
                results.add(pool.submit(() -> service.getResult(token)));
            }
            List<VerificationResult> held = new ArrayList<>();
            for (Future<VerificationResult> result : results) {
                held.add(result.get());
            }
            assertThat(spillMappings()).as("room for two answers of the six, all held").isEqualTo(2);
            for (VerificationResult result : held) {
                assertThat(result.videoBase64().size()).isEqualTo(1024 * 1024);
            }
            assertThat(log.lines(SpillSpace.class.getName())).as("one warning a minute at most").hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnswerLargerThanTheWholeBoundStaysInMemoryWithoutACollection() {
        EMULATOR.get().script("huge-1", Scenario.passedWithVideoOfSize(1024 * 1024));
        try (VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0)
                .spillMaxBytes(1_000_000).build()) {
            long start = System.nanoTime();
            VerificationResult result = service.getResult("huge-1");
            assertThat(spillMappings()).isZero();
            assertThat(result.videoBase64().size()).isEqualTo(1024 * 1024);
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("no wait for a collection")
                    .isLessThan(java.time.Duration.ofSeconds(2));
        }
    }

    @Test
    void concurrentSpilledFetchesEachGetTheirOwnBody() throws Exception {
        int calls = 8;
        for (int i = 0; i < calls; i++) {
            EMULATOR.get().script("many-" + i, Scenario.passedWithVideoOfSize(256 * 1024 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0).build()) {
            List<Future<Long>> sizes = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                String token = "many-" + i;
                sizes.add(pool.submit(() -> service.getResult(token).videoBase64()
                        .writeTo(OutputStream.nullOutputStream())));
            }
            for (int i = 0; i < calls; i++) {
                assertThat(sizes.get(i).get()).isEqualTo(256 * 1024 + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSpillDirectoryThatCannotTakeFilesFailsTheBuildNamingTheSetting() throws Exception {
        Path missing = spill.resolve("missing");
        assertThatThrownBy(() -> builder().spillDirectory(missing).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("spillDirectory");
                    assertThat(e.getMessage()).contains("not an existing directory");
                });
        Path file = Files.createFile(spill.resolve("a-file"));
        assertThatThrownBy(() -> builder().spillDirectory(file).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("spillDirectory"));
        // a directory even root cannot create files in
        assertThatThrownBy(() -> builder().spillDirectory(Path.of("/proc")).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("spillDirectory");
                    assertThat(e.getMessage()).contains("does not take files");
                });
        assertThatThrownBy(() -> builder().spillThreshold(-1).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("spillThreshold"));
        assertThatThrownBy(() -> builder().spillMaxBytes(0).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("spillMaxBytes"));
        assertThat(openSpillFiles()).as("the build's probe file is closed").isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static void assertSameMedia(Media actual, Media expected) throws IOException {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.base64Length()).isEqualTo(expected.base64Length());
        assertThat(actual.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(actual.openStream().readAllBytes()).isEqualTo(expected.toByteArray());
        assertThat(actual.toBase64()).isEqualTo(expected.toBase64());
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] passedBody(byte[] video, byte[] frame, String extra) {
        return ("{\"Response\":{\"ErrorCode\":0,\"ErrorMsg\":\"ok\",\"VideoBase64\":\""
                + Base64.getEncoder().encodeToString(video) + "\",\"BestFrameBase64\":\""
                + Base64.getEncoder().encodeToString(frame) + "\"" + extra + ",\"RequestId\":\"req-chunked\"}}")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private interface Answer {
        void send(com.sun.net.httpserver.HttpExchange exchange) throws IOException;
    }

    /** Without Content-Length: the client cannot know the size until the end. */
    private static Answer chunked(byte[] body) {
        return ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < body.length; i += 10_000) {
                    out.write(body, i, Math.min(10_000, body.length - i));
                }
            }
        };
    }

    private static Answer fixedLength(byte[] body) {
        return ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        };
    }

    private URI serve(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            answer.send(ex);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Mappings of spill files in this process (a body mapped for reading). */
    static long spillMappings() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(line -> line.contains("/faceid4j-") && line.contains(".body")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Descriptors this process holds open on spill files. */
    static List<Path> spillDescriptors() {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.contains("/faceid4j-") && target.contains(".body")) {
                        found.add(fd);
                    }
                } catch (IOException gone) {
                    // closed while we looked (e.g. the listing's own descriptor)
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return found;
    }

    static long openSpillFiles() {
        return spillDescriptors().size();
    }

    /** Garbage-collects until no spill file is mapped any more, for at most 10 s. */
    static boolean awaitNoSpillMappings() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            System.gc();
            if (spillMappings() == 0) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
