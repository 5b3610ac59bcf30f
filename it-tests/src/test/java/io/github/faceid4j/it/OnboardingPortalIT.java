package io.github.faceid4j.it;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.SyntheticPerson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The onboarding portal deployed into the server picked by {@code arquillian.launch} (WildFly or Payara Micro),
 * called over HTTP from here, fetching results from the emulator running in this JVM. One deployment for all
 * tests: Payara Micro starts a process per deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OnboardingPortalIT {

    /** Started before the first test (the portal builds its service on first use), reset before each test. */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(Portal.emulator());

    @Deployment(testable = false)
    static WebArchive portal() {
        // plus one test-only resource through which the server names its own process (see ServerProcessResource)
        return Portal.war().addClass(ServerProcessResource.class);
    }

    @ArquillianResource
    URL deployment;

    private URI base;
    private FaceIdEmulator emulator;

    @BeforeEach
    void setUp() {
        base = Portal.base(deployment);
        emulator = EMULATOR.get();
    }

    @Test
    void passedVerificationThroughTheDefaultClient() {
        Portal.Answer answer = Portal.get(base, "api/onboarding/return?token=passed-default-1");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject json = answer.json();
        assertThat(json.getJsonNumber("outcomeCode").longValue()).isZero();
        assertThat(json.getString("outcome")).isEqualTo("Success: the person is the same as in the photo");
        assertThat(json.getString("category")).isEqualTo("SUCCESS");
        assertThat(json.getBoolean("passed")).isTrue();
        assertThat(json.getBoolean("finished")).isTrue();
        assertThat(json.getInt("attempts")).isEqualTo(2);
        assertThat(json.getJsonNumber("bestSimilarity").doubleValue()).isEqualTo(92.5);
        assertThat(json.getString("cardType")).isEqualTo("MLIDCard");
        assertThat(json.getString("client")).isEqualTo("default");
        assertNoPersonalData(answer);

        assertSignedFor("passed-default-1", "ap-singapore", 1);
        // the emulator serves HTTPS only (with a certificate this test made): the portal's client spoke TLS to it
        assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
    }

    @Test
    void failedVerificationThroughTheNamedClient() {
        Portal.Answer answer = Portal.get(base, "api/onboarding/id/return?token=failed-jakarta-1");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonObject json = answer.json();
        assertThat(json.getJsonNumber("outcomeCode").longValue()).isEqualTo(1005);
        assertThat(json.getString("outcome")).isEqualTo("Liveness failed");
        assertThat(json.getString("category")).isEqualTo("LIVENESS");
        assertThat(json.getBoolean("passed")).isFalse();
        assertThat(json.getBoolean("finished")).isTrue();
        assertThat(json.getInt("attempts")).isEqualTo(2);
        assertThat(json.get("bestSimilarity")).isIn(null, JsonValue.NULL);
        assertThat(json.get("cardType")).isIn(null, JsonValue.NULL);
        assertThat(json.getString("client")).isEqualTo("jakarta");
        assertNoPersonalData(answer);

        // the named client signs with its own region, the shared endpoint and credentials
        assertSignedFor("failed-jakarta-1", "ap-jakarta", 1);
    }

    @Test
    void theSpillingClientArchivesTheSameVideoAsTheDefaultOne() {
        // the jakarta client spills every answer to a file inside the server and reads the video back from it
        Portal.Answer inMemory = Portal.get(base, "api/onboarding/return?token=passed-archive-1");
        Portal.Answer spilled = Portal.get(base, "api/onboarding/id/return?token=passed-archive-2");

        assertThat(inMemory.status()).as(inMemory.toString()).isEqualTo(200);
        assertThat(spilled.status()).as(spilled.toString()).isEqualTo(200);
        assertThat(inMemory.json().getJsonNumber("videoBytes").longValue()).isPositive();
        assertThat(spilled.json().getJsonNumber("videoBytes").longValue())
                .isEqualTo(inMemory.json().getJsonNumber("videoBytes").longValue());
        assertThat(spilled.json().getString("cardType")).isEqualTo("MLIDCard");
        assertNoPersonalData(spilled);

        // Evidence that the answer went to a file inside the server: the server process maps it (until the result
        // is collected, hence a few tries). The spill file's name is gone from the directory at once.
        Path server = serverProcess();
        assertThat(server.resolve("maps")).as("the server's /proc entry (this test runs on Linux)").isReadable();
        boolean mapped = false;
        for (int i = 0; i < 5 && !mapped; i++) {
            assertThat(Portal.get(base, "api/onboarding/id/return?token=passed-archive-map-" + i).status()).isEqualTo(200);
            mapped = mapsASpillFile(server);
        }
        assertThat(mapped).as("a spill file mapped by the server process " + server).isTrue();
    }

    /** {@code /proc/<pid>} of the application server serving this deployment, as the server itself names it. */
    private Path serverProcess() {
        Portal.Answer answer = Portal.get(base, "api/test/server-process");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        long pid = answer.json().getJsonNumber("pid").longValueExact();
        assertThat(pid).as("the server runs in a process of its own").isNotEqualTo(ProcessHandle.current().pid());
        return Path.of("/proc", Long.toString(pid));
    }

    private static boolean mapsASpillFile(Path process) {
        try (var lines = Files.lines(process.resolve("maps"))) {
            return lines.anyMatch(line -> line.contains("/faceid4j-") && line.contains(".body"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void bothClientsAreDistinctBeans() {
        assertThat(Portal.get(base, "api/onboarding/return?token=passed-both-1").status()).isEqualTo(200);
        assertThat(Portal.get(base, "api/onboarding/id/return?token=passed-both-2").status()).isEqualTo(200);

        assertSignedFor("passed-both-1", "ap-singapore", 1);
        assertSignedFor("passed-both-2", "ap-jakarta", 1);
    }

    @Test
    void unfinishedVerificationIsAccepted() {
        Portal.Answer answer = Portal.get(base, "api/onboarding/return?token=unfinished-1");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().getJsonNumber("outcomeCode").longValue()).isEqualTo(17);
        assertThat(answer.json().getString("category")).isEqualTo("NOT_FINISHED");
        assertThat(answer.json().getBoolean("finished")).isFalse();
        assertThat(answer.json().getInt("attempts")).isZero();
    }

    @Test
    void expiredTokenIsGoneWithItsErrorCode() {
        Portal.Answer answer = Portal.get(base, "api/onboarding/return?token=expired-1");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(410);
        assertThat(answer.json().getString("error")).isEqualTo("token_expired");
        assertThat(answer.json().getString("faceIdErrorCode")).isEqualTo("InvalidParameterValue.BizTokenExpired");
        assertThat(answer.json().getString("requestId")).isNotBlank();

        // the same through the named client
        Portal.Answer named = Portal.get(base, "api/onboarding/id/return?token=expired-2");
        assertThat(named.status()).as(named.toString()).isEqualTo(410);
        assertThat(named.json().getString("error")).isEqualTo("token_expired");

        assertSignedFor("expired-1", "ap-singapore", 1);
        assertSignedFor("expired-2", "ap-jakarta", 1);
    }

    @Test
    void otherTypedErrorsMapToTheirStatus() {
        Portal.Answer unknown = Portal.get(base, "api/onboarding/return?token=illegal-1");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().getString("error")).isEqualTo("unknown_token");
        assertThat(unknown.json().getString("faceIdErrorCode")).isEqualTo("InvalidParameterValue.BizTokenIllegal");

        Portal.Answer missing = Portal.get(base, "api/onboarding/return");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(missing.json().getString("error")).isEqualTo("invalid_token");
        assertThat(emulator.requests()).as("rejected before sending").hasSize(1);
    }

    @Test
    void asyncCallCompletes() {
        Portal.Answer answer = Portal.get(base, "api/onboarding/return-async?token=passed-async-1");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().getBoolean("passed")).isTrue();
        assertThat(answer.json().getInt("attempts")).isEqualTo(2);
        assertThat(answer.json().getString("cardType")).isEqualTo("MLIDCard");
        assertNoPersonalData(answer);
        assertSignedFor("passed-async-1", "ap-singapore", 1);
    }

    @Test
    void asyncCallMapsTypedErrors() {
        Portal.Answer expired = Portal.get(base, "api/onboarding/return-async?token=expired-async-1");
        assertThat(expired.status()).as(expired.toString()).isEqualTo(410);
        assertThat(expired.json().getString("error")).isEqualTo("token_expired");
        assertThat(expired.json().getString("faceIdErrorCode")).isEqualTo("InvalidParameterValue.BizTokenExpired");

        Portal.Answer failed = Portal.get(base, "api/onboarding/return-async?token=failed-async-1");
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.json().getJsonNumber("outcomeCode").longValue()).isEqualTo(1005);
        assertThat(failed.json().getBoolean("passed")).isFalse();
    }

    @Test
    void concurrentAsyncCallsAllComplete() {
        List<CompletableFuture<Portal.Answer>> calls = IntStream.range(0, 12)
                .mapToObj(i -> CompletableFuture.supplyAsync(
                        () -> Portal.get(base, "api/onboarding/return-async?token=passed-many-" + i)))
                .toList();

        for (CompletableFuture<Portal.Answer> call : calls) {
            Portal.Answer answer = call.join();
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().getBoolean("passed")).isTrue();
        }
        assertThat(emulator.requests()).hasSize(12).allMatch(RecordedRequest::signatureValid);
    }

    /** Every request the emulator saw for the token was correctly signed, with the region of the client used. */
    private void assertSignedFor(String token, String region, int count) {
        List<RecordedRequest> requests = emulator.requestsFor(token);
        assertThat(requests).as("requests for %s", token).hasSize(count);
        for (RecordedRequest request : requests) {
            assertThat(request.signatureValid()).as("signature of %s", request).isTrue();
            assertThat(request.accepted()).as("accepted: %s", request).isTrue();
            assertThat(request.header("X-TC-Region")).isEqualTo(region);
            assertThat(request.header("X-TC-Action")).isEqualTo("GetWebVerificationResultIntl");
            assertThat(request.header("Authorization"))
                    .startsWith("TC3-HMAC-SHA256 Credential=" + Portal.secretId() + "/");
        }
        assertThat(emulator.requests()).allMatch(RecordedRequest::signatureValid);
    }

    private static void assertNoPersonalData(Portal.Answer answer) {
        assertThat(answer.body()).doesNotContain(SyntheticPerson.NAME, SyntheticPerson.FIRST_NAME,
                SyntheticPerson.ID_NUMBER, SyntheticPerson.ADDRESS, SyntheticPerson.BIRTHDAY,
                SyntheticPerson.EXTRA, "Base64");
    }
}
