package io.github.faceid4j.cli;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.SyntheticPerson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faceid result}: credentials from the environment, else the profile file; {@code --verbose} request logging. */
class CredentialsAndVerboseTest {

    private static final String SECRET_ID = "AKIDCLICHAIN0000000000000000000000001";
    // random-looking: any 8-character piece of them in the output is a leak (see Leaks)
    private static final String SECRET_KEY = "Ch4Kz9WqM2xT7vRb0DnY5sLp8JfG3cEu";
    private static final String SESSION_TOKEN = "Ct8Xn3QzV6kB1rMd4WcH9yPf2LsJ7gAe";

    /** One emulator for the class, reset before each test. */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(FaceIdEmulator.builder()
            .credentials(SECRET_ID, SECRET_KEY).sessionToken(SESSION_TOKEN).rateLimitPerSecond(1000));

    private static FaceIdEmulator emulator;

    @TempDir
    Path home;

    @BeforeEach
    void emulator() {
        emulator = EMULATOR.get(); // reset by the extension before each test
    }

    private Cli.Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var commandLine = FaceIdCli.commandLine(env, home);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        Cli.Run run = new Cli.Run(code, out.toString(), err.toString());
        Leaks.of("SecretKey", SECRET_KEY).and("session token", SESSION_TOKEN).assertNotIn("the output", run.all());
        return run;
    }

    private Cli.Run result(Map<String, String> env, String token, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "result";
        args[1] = token;
        args[2] = "--region=ap-singapore";
        args[3] = "--endpoint=" + emulator.endpoint();
        args[4] = "--timeout=10s";
        System.arraycopy(more, 0, args, 5, more.length);
        return run(env, args);
    }

    private void writeProfile(String id, String key, String token) throws Exception {
        Path file = home.resolve(".tencentcloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[default]\nsecret_id = " + id + "\nsecret_key = " + key
                + (token == null ? "" : "\ntoken = " + token) + "\n");
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("TENCENTCLOUD_SECRET_ID", SECRET_ID);
        env.put("TENCENTCLOUD_SECRET_KEY", SECRET_KEY);
        env.put("TENCENTCLOUD_SESSION_TOKEN", SESSION_TOKEN);
        return env;
    }

    @Test
    void theProfileFileServesWhenTheEnvironmentHasNoCredentials() throws Exception {
        writeProfile(SECRET_ID, SECRET_KEY, SESSION_TOKEN);
        Cli.Run run = result(Map.of(), "passed-profile");
        assertThat(run.exitCode()).isZero();
        assertThat(emulator.requestsFor("passed-profile")).singleElement()
                .satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void theEnvironmentComesBeforeTheProfileFile() throws Exception {
        writeProfile("AKIDWRONGPROFILE00000000000000000001", "wrong-profile-key", null);
        assertThat(result(env(), "passed-env").exitCode()).isZero();
    }

    @Test
    void withNeitherTheErrorNamesBothAndNothingIsSent() {
        Cli.Run run = result(Map.of(), "passed-none");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: TENCENTCLOUD_SECRET_ID is not set")
                .contains("has no credentials either: " + home.resolve(".tencentcloud/credentials"))
                .contains("hint: export TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY")
                .contains("[default] in ~/.tencentcloud/credentials");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void aBrokenProfileFileIsReportedNotSkipped() throws Exception {
        Path file = home.resolve(".tencentcloud").resolve("credentials");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[default]\nsecret_id = " + SECRET_ID + "\n");
        Cli.Run run = result(Map.of(), "passed-broken");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("secret_id but no secret_key").doesNotContain(SECRET_ID);
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void verboseLogsEachRequestSafely() {
        Cli.Run run = result(env(), "passed-verbose-0123456789", "--verbose");
        assertThat(run.exitCode()).isZero();
        String authorization = emulator.requests().get(0).header("Authorization");
        String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        assertThat(run.err()).contains("[INFO] FaceID request: BizToken pass..., attempt 1, POST ")
                .contains("X-TC-Action=GetWebVerificationResultIntl")
                .contains("[INFO] FaceID response: BizToken pass..., attempt 1, HTTP 200")
                .contains("ErrorCode 0")
                .doesNotContainIgnoringCase("authorization").doesNotContainIgnoringCase("x-tc-token")
                .doesNotContain(SyntheticPerson.NAME).doesNotContain(SyntheticPerson.ID_NUMBER);
        Leaks.of("signature", signature).and("BizToken", "passed-verbose-0123456789").assertNotIn("stderr", run.err());
        // the summary still masks personal data
        assertThat(run.out()).doesNotContain(SyntheticPerson.NAME).doesNotContain(SyntheticPerson.ID_NUMBER);
    }

    @Test
    void withoutVerboseNothingIsLogged() {
        Cli.Run run = result(env(), "passed-quiet");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).doesNotContain("FaceID request").doesNotContain("[INFO]");
    }

    @Test
    void verboseFailureShowsTheRetriesAndTheWarning() {
        Cli.Run run = result(env(), "internal-verbose", "--verbose");
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("[FINE] FaceID call for BizToken inte...: attempt 1 failed after")
                .contains("[WARNING] FaceID call for BizToken inte... failed after 3 attempt(s)")
                .doesNotContain("internal-verbose");
    }
}
