package io.github.faceid4j.cli;

import io.github.faceid4j.testing.MapSource;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.cdi.FaceIdExtension;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.CredentialsProviders;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.client.RefreshingCredentialsProvider;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.emulator.SyntheticPerson;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The proof of "nothing leaks": every log record (java.util.logging, the backend of {@code System.Logger}, captured
 * at ALL on the root logger) and everything written to standard output and error, while the library, the command
 * line and the CDI extension go through passed, failed, expired and illegal tokens, wrong credentials, temporary
 * credentials, retries, rate limiting, timeouts and unreadable answers with request logging on, contains none of:
 * the SecretKey, a session token, a request signature, a full BizToken, the synthetic person's name, ID and licence
 * numbers, birthday, address or Extra, or any slice of the media's base64.
 */
class PrivacyLeakTest {

    private static final String SECRET_ID = "AKIDLEAKTEST00000000000000000000000001";
    // random-looking: any 8-character piece of a secret in the output is a leak (see Leaks)
    private static final String SECRET_KEY = "Kd4Tq9ZxW2mB7vRc0HnY5sLp8FjG3aEu";
    private static final String SESSION_TOKEN = "Tw6Nb1QzX8kV3rMd9JcH0yPf5LsA2gUe";
    private static final String WRONG_KEY = "Wk2Rz7PqM4xD9nTb1VcY6hLs3JgF8aNe";
    private static final String WRONG_TOKEN = "Wt9Cv3KxZ5mQ1rBd7NhJ2yGf0LpS4aTe";
    private static final String PROXY_PASSWORD = "Pp5Xm8ZrQ1wK4vNc7TbH0yJd3LsF6gAe";
    /** Distinctive tokens: only their first four characters may ever be printed. */
    private static final String SUFFIX = "-5f3c9a7e-1b2d-4c6e-8f00-a1b2c3d4e5f6";

    @TempDir
    Path dir;

    private final List<String> bizTokens = new ArrayList<>();
    private final StringBuilder cliOutput = new StringBuilder();

    private String token(String prefix) {
        String token = prefix + SUFFIX;
        bizTokens.add(token);
        return token;
    }

    @Test
    void noSecretNoPersonalDataAndNoMediaReachLogsOrConsole() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        LogCapture records = new LogCapture();
        List<String> signatures = new ArrayList<>();
        List<String> mediaSlices = new ArrayList<>();
        String revealed;

        System.setOut(new PrintStream(new Capture(console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Capture(console), true, StandardCharsets.UTF_8));
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().credentials(SECRET_ID, SECRET_KEY)
                .sessionToken(SESSION_TOKEN).rateLimitPerSecond(10_000).build().start()) {
            library(emulator, mediaSlices);
            revealed = cli(emulator);
            cdi(emulator);
            for (RecordedRequest r : emulator.requests()) {
                String auth = r.header("Authorization");
                if (auth != null && auth.contains("Signature=")) {
                    signatures.add(auth.substring(auth.indexOf("Signature=") + "Signature=".length()).trim());
                }
            }
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
            records.close();
        }

        String consoleText;
        synchronized (console) {
            consoleText = console.toString(StandardCharsets.UTF_8);
        }
        String everything = records.text() + "\n" + consoleText + "\n" + cliOutput;

        // It was as verbose as it gets: request lines from the library, the CLI and CDI, retries, warnings.
        assertThat(everything).contains("FaceID request: BizToken pass..., attempt 1")
                .contains("[INFO] FaceID request:").contains("retrying in").contains("WARNING")
                .contains("FaceID response:").contains("BizTokenExpiredException")
                .contains("RateLimitTimeoutException").contains("FaceIdTimeoutException")
                .contains("AuthenticationException").contains("FaceIdDecodingException");
        assertThat(signatures).hasSizeGreaterThan(20);
        assertThat(mediaSlices).hasSizeGreaterThan(5);
        // The detector works: --reveal-pii (asked for explicitly, kept out of the text above) shows the name.
        assertThat(revealed).contains(SyntheticPerson.NAME);

        // secrets, signatures and full BizTokens: not even an 8-character piece of one
        Leaks secrets = Leaks.of("SecretKey", SECRET_KEY).and("wrong SecretKey", WRONG_KEY)
                .and("session token", SESSION_TOKEN).and("wrong session token", WRONG_TOKEN)
                .and("proxy password", PROXY_PASSWORD);
        for (int i = 0; i < signatures.size(); i++) {
            secrets.and("signature " + i, signatures.get(i));
        }
        for (String t : bizTokens) {
            // every piece holding a character of the token's random part (its prefix is a scenario's name, words
            // such as "finished" that messages may hold)
            int random = t.length() - SUFFIX.length() + 1; // after the prefix and the dash
            secrets.and("BizToken " + t.substring(0, random - 1),
                    t.substring(Math.max(0, random - Leaks.PIECE_LENGTH + 1)));
        }
        secrets.assertNotIn("logs and console", everything);

        Map<String, String> needles = new LinkedHashMap<>();
        needles.put("name", SyntheticPerson.NAME);
        needles.put("given name", SyntheticPerson.FIRST_NAME);
        needles.put("local name", SyntheticPerson.NAME_LOCAL);
        needles.put("ID number", SyntheticPerson.ID_NUMBER);
        needles.put("licence number", SyntheticPerson.LICENSE_NUMBER);
        needles.put("address", SyntheticPerson.ADDRESS);
        needles.put("city", SyntheticPerson.CITY);
        needles.put("birthday", SyntheticPerson.BIRTHDAY);
        needles.put("Extra", SyntheticPerson.EXTRA);
        // (LAST_NAME "TEST", SEX "M", COUNTRY and POSTAL_CODE are too short to search for without false alarms)
        for (int i = 0; i < mediaSlices.size(); i++) {
            needles.put("media slice " + i, mediaSlices.get(i));
        }
        List<String> leaks = new ArrayList<>();
        needles.forEach((what, value) -> {
            int at = everything.indexOf(value);
            if (at >= 0) {
                leaks.add(what + " in: ..." + everything.substring(Math.max(0, at - 200), Math.min(everything.length(),
                        at + value.length() + 50)).replace('\n', '|') + "...");
            }
        });
        assertThat(leaks).as("leaked values").isEmpty();
        assertThat(everything.toLowerCase()).doesNotContain("authorization:").doesNotContain("x-tc-token:")
                .doesNotContain("tc3-hmac-sha256 credential=");
    }

    // ------------------------------------------------------------------------------------------------ library

    private void library(FaceIdEmulator emulator, List<String> mediaSlices) throws Exception {
        FaceIdServiceBuilder base = FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .logRequests(true)
                .retryBaseDelay(Duration.ofMillis(2))
                .retryMaxDelay(Duration.ofMillis(10))
                .callTimeout(Duration.ofSeconds(10));
        // temporary credentials, rotating (the same set each time: the emulator accepts one)
        RefreshingCredentialsProvider rotating = RefreshingCredentialsProvider.every(Duration.ofMillis(1),
                () -> Credentials.of(SECRET_ID, SECRET_KEY, SESSION_TOKEN));
        try (VerificationResultService service = base.credentialsProvider(rotating).build()) {
            VerificationResult passed = service.getResult(token("passed"));
            print(passed);
            collectMedia(passed, mediaSlices);
            print(service.getResultAsync(token("passed-async")).toCompletableFuture().get(10, TimeUnit.SECONDS));
            print(service.getResult(token("failed")));
            print(service.getResult(token("unfinished")));
            for (String prefix : List.of("expired", "illegal", "internal", "ratelimited", "malformed")) {
                String t = token(prefix);
                print(catchThrowable(() -> service.getResult(t)));
            }
            String heals = token("heals");
            emulator.script(heals, Scenario.internalError(), Scenario.rateLimited(), Scenario.passed());
            print(service.getResult(heals));
            Map<String, Scenario> broken = Map.of(
                    "truncated", Scenario.truncatedMidBody(),
                    "empty", Scenario.emptyBody(),
                    "gateway", Scenario.html(502),
                    "notjson", Scenario.httpStatus(500, "{\"Response\":{\"Name\":\"" + SyntheticPerson.NAME
                            + "\",\"IdNum\":\"" + SyntheticPerson.ID_NUMBER + "\""));
            for (Map.Entry<String, Scenario> e : broken.entrySet()) {
                String t = token(e.getKey());
                emulator.script(t, e.getValue(), e.getValue(), e.getValue());
                print(catchThrowable(() -> service.getResult(t)));
            }
            String async = token("expired-async");
            print(catchThrowable(() -> service.getResultAsync(async).toCompletableFuture().get(10, TimeUnit.SECONDS)));
        }
        try (VerificationResultService slow = base.credentials(Credentials.of(SECRET_ID, SECRET_KEY, SESSION_TOKEN))
                .callTimeout(Duration.ofMillis(300)).build()) {
            String t = token("slow");
            print(catchThrowable(() -> slow.getResult(t)));
        }
        try (VerificationResultService paced = base.callTimeout(Duration.ofSeconds(10))
                .rateLimit(1, Duration.ofSeconds(30)).rateLimitMaxWait(Duration.ofMillis(5)).build()) {
            print(paced.getResult(token("passed-paced")));
            String t = token("passed-paced-over");
            print(catchThrowable(() -> paced.getResult(t))); // RateLimitTimeoutException: nothing sent
        }
        base.rateLimit(1000, Duration.ofSeconds(1)).rateLimitMaxWait(Duration.ofSeconds(10));
        try (VerificationResultService wrongKey = base.callTimeout(Duration.ofSeconds(10))
                .credentials(Credentials.of(SECRET_ID, WRONG_KEY, SESSION_TOKEN)).build();
             VerificationResultService wrongToken = base.credentials(Credentials.of(SECRET_ID, SECRET_KEY, WRONG_TOKEN)).build();
             VerificationResultService none = base.credentialsProvider(CredentialsProviders.defaultChain(Map.of(), dir))
                     .build()) {
            String t1 = token("passed-wrong-key");
            String t2 = token("passed-wrong-token");
            String t3 = token("passed-no-credentials");
            print(catchThrowable(() -> wrongKey.getResult(t1)));
            print(catchThrowable(() -> wrongToken.getResult(t2)));
            print(catchThrowable(() -> none.getResult(t3)));
            print(wrongKey);
        }
        print(Credentials.of(SECRET_ID, SECRET_KEY, SESSION_TOKEN));
        print(io.github.faceid4j.client.ProxySettings.of("proxy.example", 3128).withCredentials("user", PROXY_PASSWORD));
    }

    private static void print(Object value) {
        System.out.println(value);
        if (value instanceof Throwable t) {
            t.printStackTrace();
        }
    }

    /** 40-character slices of every piece of media of a result. */
    private static void collectMedia(VerificationResult result, List<String> slices) {
        List<Media> media = new ArrayList<>(List.of(result.videoBase64(), result.bestFrameBase64()));
        for (OcrResult ocr : result.ocrResult()) {
            for (Media m : new Media[] {ocr.cardImageBase64(), ocr.cardBackImageBase64(), ocr.headImageBase64(),
                    ocr.cardCutImageBase64(), ocr.cardBackCutImageBase64()}) {
                if (m != null) {
                    media.add(m);
                }
            }
        }
        for (Media m : media) {
            if (m == null) {
                continue;
            }
            String base64 = m.toBase64();
            for (int at : new int[] {0, base64.length() / 3, base64.length() / 2, base64.length() - 41}) {
                if (at >= 0 && at + 40 <= base64.length()) {
                    slices.add(base64.substring(at, at + 40));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- CLI

    /** Every command that prints a result; returns the output of --reveal-pii, kept apart. */
    private String cli(FaceIdEmulator emulator) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("TENCENTCLOUD_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", SECRET_KEY, "TENCENTCLOUD_SESSION_TOKEN", SESSION_TOKEN));
        String[] common = {"--region=ap-singapore", "--endpoint=" + emulator.endpoint(), "--timeout=10s"};
        cli(env, common, "result", token("passed-cli"));
        cli(env, common, "result", token("passed-cli-json"), "--json");
        cli(env, common, "result", token("passed-cli-verbose"), "--verbose");
        cli(env, common, "result", token("passed-cli-all"), "--json", "--verbose", "--out",
                dir.resolve("media").toString());
        cli(env, common, "result", token("failed-cli"), "--verbose");
        cli(env, common, "result", token("expired-cli"), "--verbose");
        cli(env, common, "result", token("internal-cli"), "--verbose", "--json");
        cli(env, common, "result", token("malformed-cli"), "--verbose");

        Map<String, String> wrong = new HashMap<>(env);
        wrong.put("TENCENTCLOUD_SECRET_KEY", WRONG_KEY);
        cli(wrong, common, "result", token("passed-cli-wrong"), "--verbose");

        // credentials from the profile file instead of the environment
        Path profile = dir.resolve(".tencentcloud").resolve("credentials");
        Files.createDirectories(profile.getParent());
        Files.writeString(profile, "[default]\nsecret_id = " + SECRET_ID + "\nsecret_key = " + SECRET_KEY
                + "\ntoken = " + SESSION_TOKEN + "\n");
        cli(Map.of(), common, "result", token("passed-cli-profile"), "--verbose", "--json");

        Path tokens = dir.resolve("tokens.txt");
        Files.writeString(tokens, String.join("\n", token("passed-batch"), token("expired-batch"),
                token("illegal-batch"), token("failed-batch")) + "\n");
        cli(env, common, "results", "--tokens", tokens.toString(), "--out", dir.resolve("batch").toString(),
                "--verbose");
        cli(env, new String[0], "demo", "--verbose");

        StringWriter revealed = new StringWriter();
        run(env, revealed, "result", token("passed-cli-reveal"), "--reveal-pii", common[0], common[1], common[2]);
        return revealed.toString();
    }

    private void cli(Map<String, String> env, String[] common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(common));
        StringWriter both = new StringWriter();
        run(env, both, all.toArray(String[]::new));
        cliOutput.append(both).append('\n');
    }

    private void run(Map<String, String> env, StringWriter into, String... args) {
        PrintWriter writer = new PrintWriter(into, true);
        var commandLine = FaceIdCli.commandLine(env, dir);
        commandLine.setOut(writer);
        commandLine.setErr(writer);
        commandLine.execute(args);
        writer.flush();
    }

    // ---------------------------------------------------------------------------------------------------- CDI

    @ApplicationScoped
    static class Verifier {
        @Inject
        VerificationResultService results;

        VerificationResultService service() {
            return results; // through the method: the bean is a client proxy
        }
    }

    private void cdi(FaceIdEmulator emulator) {
        Map<String, String> good = new HashMap<>(Map.of(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", emulator.endpoint().toString(),
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.secret-key", SECRET_KEY,
                "tencentcloud.faceid.session-token", SESSION_TOKEN,
                "tencentcloud.faceid.log-requests", "true",
                "tencentcloud.faceid.retry-base-delay", "2ms",
                "tencentcloud.faceid.retry-max-delay", "10ms"));
        try (Booted cdi = boot(good)) {
            VerificationResultService service = cdi.container().select(Verifier.class).get().service();
            print(service.getResult(token("passed-cdi")));
            String expired = token("expired-cdi");
            print(catchThrowable(() -> service.getResult(expired)));
            String internal = token("internal-cdi");
            print(catchThrowable(() -> service.getResult(internal)));
        }

        Map<String, String> broken = new HashMap<>(good);
        broken.put("tencentcloud.faceid.region", "eu-nowhere");
        broken.put("tencentcloud.faceid.proxy.port", "not-a-port");
        broken.put("tencentcloud.faceid.proxy.password", PROXY_PASSWORD);
        broken.put("tencentcloud.faceid.secret-key-typo", SECRET_KEY);
        broken.remove("tencentcloud.faceid.secret-id");
        Throwable failure = catchThrowable(() -> boot(broken).close());
        assertThat(failure).isNotNull();
        print(failure);
    }

    private record Booted(WeldContainer container, Config config) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (container.isRunning()) {
                    container.shutdown();
                }
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    private static Booted boot(Map<String, String> values) {
        Config config = new SmallRyeConfigBuilder().withSources(new MapSource("leak-test", values,
                ConfigSource.DEFAULT_ORDINAL)).build();
        ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        try {
            WeldContainer container = new Weld("faceid-leak-test-" + System.nanoTime()).disableDiscovery()
                    .skipShutdownHook().beanClasses(Verifier.class).addExtension(new FaceIdExtension()).initialize();
            return new Booted(container, config);
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    // -------------------------------------------------------------------------------------------- capturing

    /** Collects what is written; thread-safe, as the service's threads log too. */
    private static final class Capture extends OutputStream {
        private final ByteArrayOutputStream bytes;

        Capture(ByteArrayOutputStream bytes) {
            this.bytes = bytes;
        }

        @Override
        public void write(int b) {
            synchronized (bytes) {
                bytes.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }
    }
}
