package io.github.faceid4j.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the performance checks of issue 7 and prints a Markdown report (also written to
 * {@code benchmarks/target/performance-report.md}, or the path given with {@code --report=}).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar [all] [e2e] [heap] [jmh] [--rounds=X] [--no-naive] [--emulator-nagle]
 *                                            [--warm-up-1mib=N] [--report=FILE]
 * </pre>
 * With no part named, all run: the interleaved end-to-end harness (1, 10, 20 MiB), the heap-limit checks in
 * child JVMs, and the JMH benchmarks (decode CPU cost with {@code -prof gc}, signing, build versus call).
 * {@code --rounds=X} scales the measured rounds of the harness (default 1.0 = 200/60/40 rounds at 1/10/20 MiB).
 * {@code --emulator-nagle} leaves the emulator's HTTP server with Nagle's algorithm on, as it is by default.
 * {@code soak} (never run by {@code all}) is the soak run of issue 12, see {@link Soak}: {@code --minutes=},
 * {@code --rate=} and {@code --faults=} (a fraction) change its defaults of 10, 20 and 0.1.
 * {@code --warm-up-1mib=N} sets the warm-up rounds before the 1 MiB rounds (default 1,000; 50 shows the JIT at work).
 */
public final class Main {

    private Main() {
    }

    static final int WARM_UP_ROUNDS_1_MIB = 1_000;

    public static void main(String[] args) throws Exception {
        // The JDK HttpServer under the emulator leaves Nagle's algorithm on unless told otherwise; with the
        // client's delayed ACKs that adds 40 ms stalls to many answers, floor and ours alike, which hides what the
        // client costs. Off unless --emulator-nagle asks to see that (it must be set before the server class loads).
        if (!List.of(args).contains("--emulator-nagle")) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }

        Set<String> parts = new TreeSet<>();
        double scale = 1.0;
        boolean naive = true;
        int warmUp1MiB = WARM_UP_ROUNDS_1_MIB;
        Path reportFile = Path.of("benchmarks", "target", "performance-report.md");
        for (String arg : args) {
            if (arg.startsWith("--rounds=")) {
                scale = Double.parseDouble(arg.substring("--rounds=".length()));
            } else if (arg.equals("--emulator-nagle")) {
                continue;
            } else if (arg.startsWith("--warm-up-1mib=")) {
                warmUp1MiB = Integer.parseInt(arg.substring("--warm-up-1mib=".length()));
            } else if (arg.startsWith("--minutes=") || arg.startsWith("--rate=") || arg.startsWith("--faults=")) {
                continue; // the soak's, read by option()
            } else if (arg.equals("--no-naive")) {
                naive = false;
            } else if (arg.startsWith("--report=")) {
                reportFile = Path.of(arg.substring("--report=".length()));
            } else {
                parts.add(arg);
            }
        }
        if (parts.isEmpty() || parts.contains("all")) {
            parts = Set.of("e2e", "heap", "jmh");
        }

        ByteArrayOutputStream reportBytes = new ByteArrayOutputStream();
        PrintStream report = new PrintStream(reportBytes, true, StandardCharsets.UTF_8);
        report.println("# faceid4j performance run, " + Instant.now());
        report.println();
        Machine.describe(report);
        report.println(("Command: `java -jar benchmarks/target/benchmarks.jar " + String.join(" ", args)).trim() + "`");
        report.println();

        if (parts.contains("soak")) { // never part of "all": ten minutes by default
            System.out.println("== Soak: calls at the rate limit with injected faults, emulator on loopback");
            Soak.report(report, new Soak(System.out).run(option(args, "--minutes=", 10), (int) option(args, "--rate=", 20),
                    option(args, "--faults=", 0.1)));
        }
        if (parts.contains("e2e")) {
            System.out.println("== End-to-end harness: floor, faceid4j and naive interleaved, emulator on loopback");
            List<EndToEndHarness.SizeResult> e2e = new EndToEndHarness(System.out).run(List.of(
                    // 1,000 warm-up rounds: with 50, C2 was still compiling on one of the two cores during the 1 MiB
                    // rounds (0.4-0.7 of a core, perf), slowing the variants that run the most code: a one-time
                    // cost (LifecycleBenchmark measures it), not a per-call one. See docs/performance.md.
                    new EndToEndHarness.Plan(EndToEndHarness.MIB, warmUp1MiB, rounds(200, scale)),
                    new EndToEndHarness.Plan(10 * EndToEndHarness.MIB, 10, rounds(60, scale)),
                    new EndToEndHarness.Plan(20 * EndToEndHarness.MIB, 6, rounds(40, scale))), naive);
            Reports.endToEnd(report, e2e);
        }
        if (parts.contains("heap")) {
            System.out.println();
            System.out.println("== Heap limits: each check in its own JVM, the emulator in this one");
            Reports.heap(report, new HeapLimits(System.out).run(naive));
        }
        if (parts.contains("jmh")) {
            System.out.println();
            System.out.println("== JMH");
            Reports.jmh(report, runJmh());
        }
        report.printf(Locale.ROOT, "Load average at the end: %s%n", Machine.loadAverage());

        String text = reportBytes.toString(StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(text);
        try {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, text);
            System.out.println("(report written to " + reportFile + ")");
        } catch (IOException e) {
            System.out.println("(report not written to " + reportFile + ": " + e + ")");
        }
    }

    private static double option(String[] args, String prefix, double otherwise) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Double.parseDouble(arg.substring(prefix.length()));
            }
        }
        return otherwise;
    }

    private static int rounds(int base, double scale) {
        return Math.max(1, (int) Math.round(base * scale));
    }

    private static List<RunResult> runJmh() throws Exception {
        List<RunResult> results = new ArrayList<>();
        // CPU side of decoding at 10 MiB, with allocation per operation from the GC profiler
        ChainedOptionsBuilder decode = new OptionsBuilder()
                .include(DecodeBenchmark.class.getName() + "\\.(floorFindAndDecodeVideo|classifyWhileReading|slice"
                        + "|sliceKnowingPlainBlocks|decodeResult|decodeResultAndVideo|decodeResultAndStreamVideo)$")
                .param("videoMiB", "10")
                .addProfiler(GCProfiler.class);
        results.addAll(new Runner(decode.build()).run());
        ChainedOptionsBuilder rest = new OptionsBuilder()
                .include(SigningBenchmark.class.getName())
                .include(LifecycleBenchmark.class.getName())
                .jvmArgsAppend("-Dsun.net.httpserver.nodelay=true");
        Collection<RunResult> more = new Runner(rest.build()).run();
        results.addAll(more);
        return results;
    }

    /** Formats one JMH result. */
    static String score(Result<?> result) {
        return String.format(Locale.ROOT, "%.3f ± %.3f %s", result.getScore(), result.getScoreError(),
                result.getScoreUnit());
    }
}
