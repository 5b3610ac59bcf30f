package io.github.faceid4j.benchmarks;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the emulator here and runs each {@link HeapLimitCheck} in its own JVM with a small {@code -Xmx}: the
 * limits hold only if a whole call, decoding included, fits in them.
 */
final class HeapLimits {

    /** One check and how it went. */
    record Outcome(String check, String heap, boolean expectedToPass, int exitCode, String output, double seconds) {
        boolean passed() {
            return exitCode == 0;
        }

        /** Met its expectation: our checks must pass; the naive client's are shown for contrast. */
        boolean asExpected() {
            return passed() == expectedToPass;
        }
    }

    /** Smaller than one 10 MiB answer (14 MB): what the spilled checks run in. */
    static final String SPILLED_HEAP = "12m";

    private final PrintStream log;

    HeapLimits(PrintStream log) {
        this.log = log;
    }

    List<Outcome> run(boolean includeNaive) throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        long tenMiB = 10 * EndToEndHarness.MIB;
        long twentyMiB = 20 * EndToEndHarness.MIB;
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitPerSecond(1_000_000).build().start()) {
            emulator.script("heap-10", Scenario.passedWithVideoOfSize(tenMiB));
            emulator.script("heap-20", Scenario.passedWithVideoOfSize(twentyMiB));
            String endpoint = emulator.endpoint().toString();
            Path dir = Files.createTempDirectory("faceid4j-heap-check");
            try {
                outcomes.add(child("10 MiB fetch, video streamed", "48m", true,
                        "fetch", endpoint, "heap-10", Long.toString(tenMiB)));
                outcomes.add(child("20 concurrent 10 MiB fetches, all held", "384m", true,
                        "concurrent", endpoint, "heap-10", Long.toString(tenMiB), "20"));
                outcomes.add(child("20 MiB result's video written to a file", "48m", true,
                        "file", endpoint, "heap-20", Long.toString(twentyMiB), dir.toString()));
                // spilled: each body is larger than the whole heap, so its base64 text cannot be in memory at once
                String spill = "-D" + HeapLimitCheck.SPILL_PROPERTY + "=" + dir;
                outcomes.add(child("spilled: 10 MiB fetch, video streamed", SPILLED_HEAP, true,
                        spill, "fetch", endpoint, "heap-10", Long.toString(tenMiB)));
                outcomes.add(child("spilled: 20 MiB result's video written to a file", SPILLED_HEAP, true,
                        spill, "file", endpoint, "heap-20", Long.toString(twentyMiB), dir.toString()));
                outcomes.add(child("spilled: 20 concurrent 10 MiB fetches, all held", "32m", true,
                        spill, "concurrent", endpoint, "heap-10", Long.toString(tenMiB), "20"));
                // the largest image the service takes: 6 MiB, whose base64 is the documents' 8 MB limit
                outcomes.add(child("Apply with a 6 MiB image (8 MiB of base64) from a Path", "32m", true,
                        "apply", endpoint, "-", Long.toString(6 * EndToEndHarness.MIB), dir.toString()));
                outcomes.add(child("Apply with a 6 MiB image (8 MiB of base64) from a Path", SPILLED_HEAP, true,
                        "apply", endpoint, "-", Long.toString(6 * EndToEndHarness.MIB), dir.toString()));
                if (includeNaive) {
                    outcomes.add(child("naive client: 10 MiB fetch and decode (contrast)", "48m", false,
                            "naive", endpoint, "heap-10", Long.toString(tenMiB)));
                }
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(dir);
            }
        }
        return outcomes;
    }

    /** Runs one check; leading {@code -D...} arguments go to the child JVM, the rest to the check. */
    private Outcome child(String check, String heap, boolean expectedToPass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        int first = 0;
        while (first < args.length && args[first].startsWith("-D")) {
            command.add(args[first++]);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HeapLimitCheck.class.getName());
        command.addAll(List.of(args).subList(first, args.length));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String last = output.lines().filter(l -> l.startsWith("OK") || l.startsWith("FAIL")).reduce((a, b) -> b)
                .orElse(output.lines().reduce((a, b) -> b).orElse("(no output)"));
        Outcome outcome = new Outcome(check, heap, expectedToPass, process.exitValue(), last, seconds);
        log.printf("  -Xmx%-5s %-50s %s  (%s)%n", heap, check, outcome.passed() ? "PASS" : "FAIL", last);
        return outcome;
    }
}
