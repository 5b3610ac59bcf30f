package io.github.faceid4j.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harness runnable: one round at 1 MiB, each variant once, their videos compared byte for byte first.
 * Times nothing worth reading; the real run is {@code benchmarks/run.sh} (docs/performance.md).
 */
class HarnessSmokeTest {

    @Test
    void oneRoundAtOneMebibyte() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<EndToEndHarness.SizeResult> results = new EndToEndHarness(new PrintStream(log, true,
                StandardCharsets.UTF_8)).run(List.of(new EndToEndHarness.Plan(EndToEndHarness.MIB, 0, 1)), true);

        assertThat(results).hasSize(1);
        EndToEndHarness.SizeResult result = results.get(0);
        assertThat(result.samples()).containsKeys(EndToEndHarness.FLOOR, EndToEndHarness.OURS,
                EndToEndHarness.OURS_STREAM, EndToEndHarness.NAIVE);
        assertThat(result.responseBytes()).isGreaterThan(EndToEndHarness.MIB * 4 / 3);
        assertThat(result.medianRoundRatio(EndToEndHarness.OURS)).isPositive();

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        Reports.endToEnd(new PrintStream(report, true, StandardCharsets.UTF_8), results);
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("| 1 MiB |");
    }
}
