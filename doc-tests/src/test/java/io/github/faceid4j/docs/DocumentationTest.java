package io.github.faceid4j.docs;

import io.github.faceid4j.cdi.FaceIdExtension;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation is true (issue 19): every ```java block of README.md and docs/*.md compiles; a program (a block
 * with {@code main}) runs against the emulator for a passed, an unfinished and a failed verification, getting the
 * BizToken as its first argument and the emulator's key in {@code TENCENTCLOUD_SECRET_ID}/{@code _SECRET_KEY}, with
 * the Tencent Cloud endpoint in its text pointed at the emulator; a CDI bean (a block declaring a scoped class) is
 * deployed in Weld SE with the extension against the emulator and each of its public one-String methods called with
 * those tokens; a JUnit 5 example is run with the JUnit Platform and must pass. Every ```properties block deploys with the extension without an unknown key, every ```xml block is
 * well-formed. Every relative link resolves, and every page under docs/ is linked from the README. Shell blocks are
 * not run (they build and install); they may only use {@code ./mvnw}, never a bare {@code mvn}.
 */
class DocumentationTest {

    private static final List<String> TOKENS = List.of("passed-doc", "unfinished-doc", "failed-doc");
    private static final List<String> TENCENT_ENDPOINTS = List.of("https://faceid.intl.tencentcloudapi.com",
            "https://faceid.tencentcloudapi.com");
    private static final AtomicInteger IDS = new AtomicInteger();

    private static FaceIdEmulator emulator;

    @TempDir
    static Path classes;

    @BeforeAll
    static void start() {
        emulator = FaceIdEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static List<Markdown.Block> javaBlocks() {
        return Markdown.documentation().stream().flatMap(f -> Markdown.blocks(f).stream())
                .filter(b -> b.language().equals("java")).toList();
    }

    @Test
    void thereIsSomethingToCheck() {
        assertThat(javaBlocks()).hasSizeGreaterThan(5);
        assertThat(javaBlocks()).anyMatch(b -> Snippets.isProgram(b.text()));
        assertThat(javaBlocks()).anyMatch(DocumentationTest::isCdiBean);
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() {
        return javaBlocks().stream().map(block -> DynamicTest.dynamicTest(block.where(), () -> {
            Snippets.Compiled compiled = Snippets.compile(block.text(), "Snippet" + IDS.incrementAndGet(),
                    classes.resolve("compile-" + IDS.incrementAndGet()));
            assertThat(compiled.errors()).as("%s does not compile:%n%s", block.where(), compiled.source()).isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> programsRunAgainstTheEmulator() {
        return javaBlocks().stream().filter(b -> Snippets.isProgram(b.text()))
                .flatMap(block -> TOKENS.stream().map(token -> DynamicTest.dynamicTest(block.where() + " " + token,
                        () -> runProgram(block, token + "-" + IDS.incrementAndGet()))));
    }

    @TestFactory
    Stream<DynamicTest> cdiBeansDeployAndRunAgainstTheEmulator() {
        return javaBlocks().stream().filter(DocumentationTest::isCdiBean)
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> deploy(block)));
    }

    /**
     * Every ```properties block is MicroProfile Config the extension deploys with and reads every key of: no
     * "unrecognised configuration keys" warning (values such as {@code ...} stand for secrets; the emulator's own
     * endpoint and key are put under them).
     */
    @TestFactory
    Stream<DynamicTest> everyPropertiesBlockIsConfigurationTheExtensionReads() {
        return Markdown.documentation().stream().flatMap(f -> Markdown.blocks(f).stream())
                .filter(b -> b.language().equals("properties"))
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> {
                    java.util.Properties properties = new java.util.Properties();
                    properties.load(new java.io.StringReader(block.text()));
                    assertThat(properties.stringPropertyNames()).as(block.where()).isNotEmpty()
                            .allMatch(key -> key.startsWith("tencentcloud.faceid."));
                    Map<String, String> values = new java.util.HashMap<>();
                    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k)));
                    Config config = new SmallRyeConfigBuilder().withSources(
                            new PropertiesConfigSource(values, "doc-block", 100),
                            new PropertiesConfigSource(Map.of(
                                    "tencentcloud.faceid.region", "ap-singapore",
                                    "tencentcloud.faceid.endpoint", emulator.endpoint().toString(),
                                    "tencentcloud.faceid.secret-id", emulator.secretId(),
                                    "tencentcloud.faceid.secret-key", emulator.secretKey()), "emulator", 50)).build();
                    ConfigProviderResolver.instance().registerConfig(config,
                            Thread.currentThread().getContextClassLoader());
                    try (io.github.faceid4j.testing.LogCapture log = new io.github.faceid4j.testing.LogCapture();
                         WeldContainer container = new Weld("doc-" + IDS.incrementAndGet()).disableDiscovery()
                                 .skipShutdownHook().addExtension(new FaceIdExtension()).initialize()) {
                        assertThat(container.isRunning()).isTrue();
                        assertThat(log.text()).as(block.where()).doesNotContain("unrecognised configuration keys");
                    } finally {
                        ConfigProviderResolver.instance().releaseConfig(config);
                    }
                }));
    }

    /** Every ```xml block is well-formed (a POM fragment may have several top-level elements). */
    @TestFactory
    Stream<DynamicTest> everyXmlBlockIsWellFormed() {
        return Markdown.documentation().stream().flatMap(f -> Markdown.blocks(f).stream())
                .filter(b -> b.language().equals("xml"))
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> {
                    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
                    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                            new java.io.StringReader("<fragment>" + block.text() + "</fragment>")));
                }));
    }

    /** A JUnit 5 test class of the documentation (the emulator's examples) is run, and every test in it passes. */
    @TestFactory
    Stream<DynamicTest> junitExamplesPass() {
        return javaBlocks().stream()
                .filter(b -> Snippets.declaresAType(b.text()) && b.text().contains("import org.junit.jupiter.api.Test;"))
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> {
                    Path out = classes.resolve("junit-" + IDS.incrementAndGet());
                    Snippets.Compiled compiled = Snippets.compile(block.text(), "Example" + IDS.incrementAndGet(), out);
                    assertThat(compiled.errors()).as(compiled.source()).isEmpty();
                    ClassLoader previous = Thread.currentThread().getContextClassLoader();
                    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, previous)) {
                        Thread.currentThread().setContextClassLoader(loader);
                        Class<?> testClass = loader.loadClass(Snippets.typeName(block.text()));
                        SummaryGeneratingListener listener = new SummaryGeneratingListener();
                        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClass(testClass)).build(), listener);
                        TestExecutionSummary summary = listener.getSummary();
                        java.io.StringWriter failures = new java.io.StringWriter();
                        summary.printFailuresTo(new java.io.PrintWriter(failures), 20);
                        assertThat(summary.getTestsSucceededCount()).as(block.where()).isPositive();
                        assertThat(summary.getTotalFailureCount()).as("%s:%n%s", block.where(), failures).isZero();
                    } finally {
                        Thread.currentThread().setContextClassLoader(previous);
                    }
                }));
    }

    @Test
    void everyRelativeLinkResolves() {
        List<String> broken = new ArrayList<>();
        List<Path> files = new ArrayList<>(Markdown.documentation());
        for (Path file : files) {
            for (Markdown.Link link : Markdown.relativeLinks(file)) {
                String target = link.target();
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(link.where() + " -> " + target);
                    continue;
                }
                if (anchor != null && resolved.toString().endsWith(".md")
                        && !Markdown.anchors(resolved).contains(anchor)) {
                    broken.add(link.where() + " -> " + target + " (no such heading; there are "
                            + Markdown.anchors(resolved) + ")");
                }
            }
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void everyDocsPageIsLinkedFromTheReadme() {
        Path readme = Markdown.ROOT.resolve("README.md");
        Set<String> linked = Markdown.relativeLinks(readme).stream()
                .map(l -> l.target().replaceAll("#.*", "")).collect(Collectors.toSet());
        List<String> pages = Markdown.documentation().stream().filter(p -> !p.equals(readme))
                .map(p -> Markdown.ROOT.relativize(p).toString()).toList();
        assertThat(linked).containsAll(pages);
    }

    /** CI's .ci/run runs the README's test command; "only a JDK is needed", so never a bare `mvn`. */
    @Test
    void theReadmesCommandsAreTheOnesThatWork() throws Exception {
        String readme = Files.readString(Markdown.ROOT.resolve("README.md"));
        assertThat(readme).contains("./mvnw -B verify");
        assertThat(Files.readString(Markdown.ROOT.resolve(".ci/run"))).contains("./mvnw -B verify");
        List<String> bareMaven = new ArrayList<>();
        for (Path file : Markdown.documentation()) {
            for (Markdown.Block block : Markdown.blocks(file)) {
                if (block.language().matches("sh|shell|bash|console") && block.text().matches("(?s).*(^|\\s)mvn\\s.*")) {
                    bareMaven.add(block.where());
                }
            }
            if (Files.readString(file).matches("(?s).*`mvn [^`]*`.*")) {
                bareMaven.add(Markdown.ROOT.relativize(file) + " (inline)");
            }
        }
        assertThat(bareMaven).as("use ./mvnw").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static boolean isCdiBean(Markdown.Block block) {
        String text = block.text();
        return Snippets.declaresAType(text) && text.matches("(?s).*@(ApplicationScoped|RequestScoped|Dependent)\\b.*")
                // the cluster's beans need a data grid: compiled, and run by rate-limit-cluster's own tests
                && !text.contains("javax.cache") && !text.contains("org.infinispan") && !text.contains("ratelimit.cluster");
    }

    private static void runProgram(Markdown.Block block, String token) throws Exception {
        String text = block.text();
        for (String endpoint : TENCENT_ENDPOINTS) {
            text = text.replace("\"" + endpoint + "\"", "\"" + emulator.endpoint() + "\"");
        }
        Path out = classes.resolve("run-" + IDS.incrementAndGet());
        Snippets.Compiled compiled = Snippets.compile(text, "Program" + IDS.incrementAndGet(), out);
        assertThat(compiled.errors()).as(compiled.source()).isEmpty();
        Path log = Files.createTempFile(classes, "program", ".txt");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", out + java.io.File.pathSeparator + System.getProperty("java.class.path"),
                compiled.mainType(), token)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TENCENTCLOUD_"));
        builder.environment().put("TENCENTCLOUD_SECRET_ID", emulator.secretId());
        builder.environment().put("TENCENTCLOUD_SECRET_KEY", emulator.secretKey());
        builder.directory(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(block.where() + " did not finish within 60 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s with %s:%n%s", block.where(), token, output).isZero();
        assertThat(output).as("%s with %s", block.where(), token).doesNotContain("Exception");
        assertThat(emulator.requestsFor(token)).as("%s sent nothing for %s", block.where(), token).isNotEmpty();
    }

    private static void deploy(Markdown.Block block) throws Exception {
        Path out = classes.resolve("cdi-" + IDS.incrementAndGet());
        Snippets.Compiled compiled = Snippets.compile(block.text(), "Bean" + IDS.incrementAndGet(), out);
        assertThat(compiled.errors()).as(compiled.source()).isEmpty();
        String endpoint = emulator.endpoint().toString();
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(Map.of(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", endpoint,
                "tencentcloud.faceid.secret-id", emulator.secretId(),
                "tencentcloud.faceid.secret-key", emulator.secretKey(),
                "tencentcloud.faceid.jakarta.region", "ap-jakarta"), "doc-test", 500)).build();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            ConfigProviderResolver.instance().registerConfig(config, loader);
            Class<?> bean = loader.loadClass(Snippets.typeName(block.text()));
            Weld weld = new Weld("doc-" + IDS.incrementAndGet()).disableDiscovery().skipShutdownHook()
                    .beanClasses(bean).addExtension(new FaceIdExtension());
            try (WeldContainer container = weld.initialize()) {
                Object instance = container.select(bean).get();
                for (Method method : bean.getDeclaredMethods()) {
                    if (!Modifier.isPublic(method.getModifiers()) || method.getParameterCount() != 1
                            || method.getParameterTypes()[0] != String.class) {
                        continue;
                    }
                    for (String token : TOKENS) {
                        String sent = token + "-cdi-" + IDS.incrementAndGet();
                        method.invoke(instance, sent);
                        assertThat(emulator.requestsFor(sent)).as(block.where()).isNotEmpty();
                    }
                }
            }
        } finally {
            ConfigProviderResolver.instance().releaseConfig(config);
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
