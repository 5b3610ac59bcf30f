package io.github.faceid4j.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown tables of a run. */
final class Reports {

    private Reports() {
    }

    static void endToEnd(PrintStream out, List<EndToEndHarness.SizeResult> results) {
        out.println("## End-to-end: fetch a passed result and decode its video (emulator on loopback)");
        out.println();
        out.println("Interleaved in one run: each round runs every variant once, in rotating order. Ratio = median"
                + " over rounds of (variant time / floor time in the same round); ratio of minimums in brackets."
                + " faceid4j = the service as built by default, video decoded with toByteArray(); same thread = the"
                + " same with a same-thread asyncExecutor (no hand-over to the I/O pool); streamed = default service,"
                + " video decoded through writeTo(OutputStream); spilled = a service with a spill directory (every"
                + " answer here is over its 1 MiB threshold: written to a file as it arrives, media read back from it),"
                + " video decoded with toByteArray(); naive = Jersey + Yasson into String fields.");
        out.println();
        out.println("| video | response | floor median (min) | faceid4j median (min) | faceid4j / floor | target"
                + " | met | same thread / floor | streamed / floor | spilled / floor | naive / floor |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (EndToEndHarness.SizeResult r : results) {
            EndToEndHarness.Samples floor = r.floor();
            EndToEndHarness.Samples ours = r.samples().get(EndToEndHarness.OURS);
            double target = r.videoBytes() <= EndToEndHarness.MIB ? 1.3 : 1.15;
            double ratio = r.medianRoundRatio(EndToEndHarness.OURS);
            out.printf(Locale.ROOT, "| %d MiB | %,d B | %.2f ms (%.2f) | %.2f ms (%.2f) | x%.3f (x%.3f) | x%.2f | %s"
                            + " | %s | %s | %s | %s |%n",
                    r.videoBytes() / EndToEndHarness.MIB, r.responseBytes(), floor.medianMillis(), floor.minMillis(),
                    ours.medianMillis(), ours.minMillis(), ratio, ours.minMillis() / floor.minMillis(), target,
                    ratio <= target ? "yes" : "NO", ratioText(r, EndToEndHarness.OURS_DIRECT),
                    ratioText(r, EndToEndHarness.OURS_STREAM), ratioText(r, EndToEndHarness.OURS_SPILLED),
                    ratioText(r, EndToEndHarness.NAIVE));
        }
        out.println();
        out.println("Bytes allocated per call (median; all threads but the emulator's, ThreadMXBean):");
        out.println();
        out.println("| video | response | floor | faceid4j | same thread | streamed | spilled | naive"
                + " | faceid4j target (2 x response) | met |");
        out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (EndToEndHarness.SizeResult r : results) {
            Map<String, EndToEndHarness.Samples> s = r.samples();
            long ours = s.get(EndToEndHarness.OURS).medianAllocated();
            out.printf(Locale.ROOT, "| %d MiB | %,d B | %s | %s | %s | %s | %s | %s | %,d B | %s |%n",
                    r.videoBytes() / EndToEndHarness.MIB, r.responseBytes(),
                    alloc(r, EndToEndHarness.FLOOR), alloc(r, EndToEndHarness.OURS), alloc(r, EndToEndHarness.OURS_DIRECT),
                    alloc(r, EndToEndHarness.OURS_STREAM), alloc(r, EndToEndHarness.OURS_SPILLED),
                    alloc(r, EndToEndHarness.NAIVE),
                    2 * r.responseBytes(), ours <= 2 * r.responseBytes() ? "yes" : "NO");
        }
        out.println();
    }

    private static String ratioText(EndToEndHarness.SizeResult r, String variant) {
        if (!r.samples().containsKey(variant)) {
            return "-";
        }
        return String.format(Locale.ROOT, "x%.3f", r.medianRoundRatio(variant));
    }

    private static String alloc(EndToEndHarness.SizeResult r, String variant) {
        EndToEndHarness.Samples s = r.samples().get(variant);
        if (s == null) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.1f MB (x%.2f)", s.medianAllocated() / 1e6,
                (double) s.medianAllocated() / r.responseBytes());
    }

    static void heap(PrintStream out, List<HeapLimits.Outcome> outcomes) {
        out.println("## Heap limits (each in a child JVM; the emulator serves from the parent)");
        out.println();
        out.println("| check | -Xmx | result | expected | detail |");
        out.println("| --- | --- | --- | --- | --- |");
        for (HeapLimits.Outcome o : outcomes) {
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", o.check(), o.heap(),
                    o.passed() ? "pass" : "FAIL", o.expectedToPass() ? "pass" : "fail (contrast)",
                    o.output().replace("|", "/"));
        }
        out.println();
    }

    static void jmh(PrintStream out, List<RunResult> results) {
        out.println("## JMH");
        out.println();
        out.println("| benchmark | params | mode | score | gc.alloc.rate.norm |");
        out.println("| --- | --- | --- | --- | --- |");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                params.append(key).append('=').append(r.getParams().getParam(key)).append(' ');
            }
            Result<?> norm = r.getSecondaryResults().get("gc.alloc.rate.norm");
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", name, params.toString().trim(),
                    r.getParams().getMode().shortLabel(), Main.score(r.getPrimaryResult()),
                    norm == null ? "-" : String.format(Locale.ROOT, "%,.0f B/op", norm.getScore()));
        }
        out.println();
        RunResult fresh = find(results, "buildFirstInFreshJvm");
        RunResult freshCall = find(results, "buildAndFirstCallInFreshJvm");
        RunResult warmBuild = find(results, "buildWarm");
        RunResult call = find(results, "callWarm");
        if (fresh != null && warmBuild != null && call != null) {
            double callMs = call.getPrimaryResult().getScore();
            out.printf(Locale.ROOT, "Building a service costs %.0f ms in a fresh JVM (%.1f ms once warm); a warm call"
                            + " for a small result costs %.2f ms, so the first build is worth ~%.0f calls and a warm"
                            + " rebuild ~%.1f: build once, reuse.%s%n%n",
                    fresh.getPrimaryResult().getScore(), warmBuild.getPrimaryResult().getScore(), callMs,
                    fresh.getPrimaryResult().getScore() / callMs, warmBuild.getPrimaryResult().getScore() / callMs,
                    freshCall == null ? "" : String.format(Locale.ROOT, " Build plus the first call in a fresh"
                            + " JVM: %.0f ms.", freshCall.getPrimaryResult().getScore()));
        }
    }

    private static RunResult find(List<RunResult> results, String method) {
        for (RunResult r : results) {
            if (r.getParams().getBenchmark().endsWith("." + method)) {
                return r;
            }
        }
        return null;
    }
}
