package io.github.faceid4j.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every code sample in the published javadoc ({@code <pre>{@code ...}</pre>} in any module's main sources) is also in
 * that module's test sources, so it is compiled (and mostly run) by the build and cannot rot: JDK 17's javadoc has
 * no {@code @snippet}, so the samples are copies and this test keeps the copies equal, up to whitespace. Each
 * module's {@code JavadocSamples*} test holds its samples. It lives here, in the module built after the others'
 * sources exist, and reads them as text only.
 */
class JavadocSamplesCheckTest {

    private static final Pattern SAMPLE = Pattern.compile("<pre>\\{@code\\s*\\n(.*?)\\n\\s*\\*\\s*}</pre>", Pattern.DOTALL);

    @Test
    void everySampleInTheJavadocIsCompiledByItsModulesTests() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("pom.xml")).exists();
        List<String> missing = new ArrayList<>();
        int samples = 0;
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                String tests = normalized(sources(module.resolve("src/test/java")));
                for (Path source : javaFiles(module.resolve("src/main/java"))) {
                    Matcher m = SAMPLE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                    while (m.find()) {
                        samples++;
                        String sample = m.group(1).lines().map(l -> l.replaceFirst("^\\s*\\* ?", ""))
                                .collect(Collectors.joining("\n"));
                        if (!tests.contains(normalized(sample))) {
                            missing.add(root.relativize(source) + ":\n" + sample);
                        }
                    }
                }
            }
        }
        assertThat(samples).as("samples found").isGreaterThanOrEqualTo(9);
        assertThat(missing).as("javadoc samples not in their module's test sources (copy them into its"
                + " JavadocSamples test, or change the copy there too)").isEmpty();
    }

    private static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    private static String sources(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : javaFiles(dir)) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
