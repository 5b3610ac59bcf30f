package io.github.faceid4j.cli;

import io.github.faceid4j.cli.ChildProcess.Result;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * faceid4j on the module path, as a modular application runs it: the modules' descriptors are read (not a class
 * path that ignores them), their exports and requires are what the JVM enforces. The CLI (thin, not the shaded jar)
 * and a small Java SE application compiled here as a module of its own each make a real call to an emulator on
 * loopback. The unit tests run on the class path (as in application servers); this is where the module path is
 * proven. The module path is cli's runtime dependencies as Maven resolves them (target/module-path.txt).
 */
class ModulePathIT {

    private static final String SAMPLE_MODULE = """
            module sample.app {
                requires io.github.faceid4j.client;
            }
            """;

    private static final String SAMPLE_MAIN = """
            package sample.app;

            import io.github.faceid4j.VerificationResultService;
            import io.github.faceid4j.client.Credentials;
            import io.github.faceid4j.client.FaceIdServiceBuilder;
            import io.github.faceid4j.model.VerificationResult;

            import java.net.URI;

            public final class Main {
                public static void main(String[] args) {
                    try (VerificationResultService results = FaceIdServiceBuilder.create()
                            .region("ap-singapore")
                            .endpoint(URI.create(args[0]))
                            .credentials(Credentials.of(System.getenv("SAMPLE_SECRET_ID"), System.getenv("SAMPLE_SECRET_KEY")))
                            .build()) {
                        VerificationResult result = results.getResult(args[1]);
                        System.out.println("module " + FaceIdServiceBuilder.class.getModule().getName()
                                + " passed=" + result.passed() + " requestId=" + result.requestId());
                    }
                }
            }
            """;

    private static List<Path> modulePath;
    private static Path cliModule;

    @TempDir
    Path dir;

    @BeforeAll
    static void readModulePath() throws IOException {
        Path file = Path.of(System.getProperty("faceid.module.path.file", "target/module-path.txt"));
        // written by the dependency plugin before the ITs run: missing means a broken build, not a reason to skip
        assertThat(file).as("cli's runtime module path (run `mvn verify`)").isRegularFile();
        modulePath = new ArrayList<>();
        for (String entry : Files.readString(file).trim().split(java.io.File.pathSeparator)) {
            modulePath.add(Path.of(entry));
        }
        cliModule = Path.of(System.getProperty("faceid.cli.classes", "target/classes"));
        assertThat(cliModule.resolve("module-info.class")).isRegularFile();
    }

    @Test
    void theCliRunsOnTheModulePathAgainstTheEmulator() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            emulator.script("module-path-cli", Scenario.passed());

            Result result = java(Map.of("TENCENTCLOUD_SECRET_ID", emulator.secretId(),
                            "TENCENTCLOUD_SECRET_KEY", emulator.secretKey()),
                    "--module-path", path(cliModule), "-m", "io.github.faceid4j.cli/io.github.faceid4j.cli.FaceIdCli",
                    "result", "module-path-cli", "--region", "ap-singapore", "--endpoint", emulator.endpoint().toString(),
                    "--json");

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).startsWith("{").contains("\"ErrorCode\": 0").contains("\"RequestId\"");
            assertThat(emulator.requestsFor("module-path-cli")).hasSize(1)
                    .allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        }
    }

    @Test
    void theDemoRunsOnTheModulePath() throws Exception {
        // the emulator inside the CLI's JVM, its hosted pages walked, a result fetched: every module at work
        Result result = java(Map.of(), "--module-path", path(cliModule),
                "-m", "io.github.faceid4j.cli/io.github.faceid4j.cli.FaceIdCli", "demo");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("signature verified by the emulator").contains("Demo OK");
    }

    @Test
    void aJavaSeApplicationModuleCallsTheEmulator() throws Exception {
        Path classes = compile("sample", SAMPLE_MAIN);
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            emulator.script("module-path-sample", Scenario.passed());

            Result result = java(Map.of("SAMPLE_SECRET_ID", emulator.secretId(), "SAMPLE_SECRET_KEY",
                            emulator.secretKey()),
                    "--module-path", path(classes), "-m", "sample.app/sample.app.Main", emulator.endpoint().toString(),
                    "module-path-sample");

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("module io.github.faceid4j.client passed=true requestId=")
                    .doesNotContain("requestId=null");
            assertThat(emulator.requestsFor("module-path-sample")).hasSize(1)
                    .allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
        }
    }

    @Test
    void theInternalPackageIsNotExportedToApplications() throws Exception {
        String main = """
                package sample.app;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println(io.github.faceid4j.client.internal.Redaction.prefix(args[0]));
                    }
                }
                """;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac(dir.resolve("internal"), main, errors);

        assertThat(status).isNotZero();
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("package io.github.faceid4j.client.internal is not visible");
    }

    @Test
    void theDescriptorsSayWhatIsApi() throws Exception {
        Result client = java(Map.of(), "--module-path", path(), "--describe-module", "io.github.faceid4j.client");

        assertThat(client.exitCode()).as(client.err()).isZero();
        assertThat(client.out()).contains("exports io.github.faceid4j.client\n")
                .contains("requires io.github.faceid4j.api transitive")
                .contains("requires io.opentelemetry.api static")
                .doesNotContain("exports io.github.faceid4j.client.internal\n");
        String internal = client.out().lines().filter(l -> l.startsWith("qualified exports")).findFirst().orElse("");
        assertThat(internal.split(" ")).containsExactlyInAnyOrder("qualified", "exports",
                "io.github.faceid4j.client.internal", "to", "io.github.faceid4j.cdi", "io.github.faceid4j.cli",
                "io.github.faceid4j.ratelimit.cluster");

        Result api = java(Map.of(), "--module-path", path(), "--describe-module", "io.github.faceid4j.api");
        assertThat(api.out()).contains("exports io.github.faceid4j.model.card").doesNotContain("requires io.github");

        Result emulator = java(Map.of(), "--module-path", path(), "--describe-module", "io.github.faceid4j.emulator");
        assertThat(emulator.out()).contains("exports io.github.faceid4j.emulator")
                .contains("requires org.junit.jupiter.api static")
                .doesNotContain("io.github.faceid4j.client");
    }

    @Test
    void theCdiExtensionIsAServiceOfItsModule() throws Exception {
        Path jar = Path.of(Files.readString(Path.of(System.getProperty("faceid.cdi.module.file",
                "target/cdi-module.txt"))).trim());
        assertThat(jar).as("faceid4j-cdi-extension's jar").isRegularFile();

        Result cdi = java(Map.of(), "--module-path", jar.toString(), "--describe-module", "io.github.faceid4j.cdi");

        assertThat(cdi.exitCode()).as(cdi.err()).isZero();
        assertThat(cdi.out()).contains("provides jakarta.enterprise.inject.spi.Extension with "
                + "io.github.faceid4j.cdi.FaceIdExtension").contains("exports io.github.faceid4j.cdi");
    }

    private Path compile(String name, String main) throws IOException {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Path out = dir.resolve(name);
        int status = javac(out, main, errors);
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        return out.resolve("classes");
    }

    private int javac(Path root, String main, ByteArrayOutputStream errors) throws IOException {
        Path src = root.resolve("src");
        Files.createDirectories(src.resolve("sample/app"));
        Files.writeString(src.resolve("module-info.java"), SAMPLE_MODULE);
        Files.writeString(src.resolve("sample/app/Main.java"), main);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        return javac.run(null, errors, errors, "--release", "17", "--module-path", path(), "-d",
                root.resolve("classes").toString(), src.resolve("module-info.java").toString(),
                src.resolve("sample/app/Main.java").toString());
    }

    /** The dependencies' module path, with {@code extra} in front. */
    private static String path(Path... extra) {
        List<Path> all = new ArrayList<>(Arrays.asList(extra));
        all.addAll(modulePath);
        return String.join(java.io.File.pathSeparator, all.stream().map(Path::toString).toList());
    }

    private Result java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.add("-Dtencentcloud.faceid.cvm-role.metadata-endpoint=http://127.0.0.1:9");
        command.addAll(List.of(args));
        return ChildProcess.run(command, dir, env);
    }
}
