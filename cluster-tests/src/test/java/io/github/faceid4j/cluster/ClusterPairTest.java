package io.github.faceid4j.cluster;

import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two server processes, one data grid, one portal WAR on both, the cluster-wide limiter configured without code;
 * the test drives customers at both nodes against one emulator that counts arrivals (it refuses nothing, so that a
 * 21st request in a second would be seen rather than hidden). Subclasses start the servers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ClusterPairTest {

    static final String SECRET_ID = "AKIDCLUSTERPAIRTEST00000000000000000";
    static final String SECRET_KEY = "cluster-pair-secret-key-not-a-real-one";
    /** The service's budget per account and action. */
    static final int BUDGET = 20;
    /** The limiter's rate: the default unless -Dcluster.permits says otherwise (given to the servers too). */
    static final int PERMITS = Integer.getInteger("cluster.permits", 17);
    static final int CALLERS_PER_NODE = 8;

    final Path work = Path.of(System.getProperty("cluster.work", "target/cluster-work"));
    final Path war = Path.of(System.getProperty("cluster.war", "target/cluster-portal.war"));
    final Path resources = Path.of(System.getProperty("cluster.resources", "src/test"));
    FaceIdEmulator emulator;
    final List<ServerNode> nodes = new ArrayList<>();
    /** Stalls of this JVM, where the emulator times arrivals. */
    Hiccups hiccups;

    /** {@code payara} or {@code wildfly}, as listed in -Dcluster.pairs. */
    abstract String pair();

    /** Starts both nodes (added to {@link #nodes} as they start, so that {@link #stopAll()} ends them). */
    abstract void startNodes() throws Exception;

    /** The environment every server gets: the FaceID secrets (never on a command line, which servers log). */
    static Map<String, String> secrets() {
        return Map.of("TENCENTCLOUD_FACEID_SECRET_ID", SECRET_ID, "TENCENTCLOUD_FACEID_SECRET_KEY", SECRET_KEY);
    }

    /** System properties every server gets: where FaceID is, and the limiter's rate. */
    List<String> faceIdProperties(String node) {
        return List.of("-Dfaceid.cluster.node=" + node,
                "-Dtencentcloud.faceid.endpoint=" + emulator.endpoint(),
                "-Dtencentcloud.faceid.rate-limit.permits-per-second=" + PERMITS,
                // one line per request just before it leaves: the sends on the report's timeline
                "-Dtencentcloud.faceid.log-requests=true");
    }

    /** The log holding node {@code n}'s "FaceID request:" lines with their times. */
    Path sendLog(int n) {
        return nodes.get(n).log();
    }

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Arrays.asList(System.getProperty("cluster.pairs", "payara,wildfly").split(",")).contains(pair()),
                pair() + " pair not selected (-Dcluster.pairs)");
        hiccups = new Hiccups();
        emulator = FaceIdEmulator.builder().credentials(SECRET_ID, SECRET_KEY).rateLimitEnforced(false).build().start();
        try {
            startNodes();
            for (ServerNode node : nodes) {
                assertThat(Sockets.nonLoopbackOrUdp(node.jvm().pid()))
                        .as("%s: no UDP socket (no multicast discovery), nothing listening beyond 127.0.0.1", node)
                        .isEmpty();
            }
        } catch (Exception | AssertionError e) {
            stopAll();
            throw e;
        }
    }

    @AfterAll
    void stopAll() {
        nodes.forEach(ServerNode::destroy);
        if (emulator != null) {
            emulator.close();
        }
        if (hiccups != null) {
            hiccups.close();
        }
    }

    List<URI> uris() {
        return nodes.stream().map(n -> n.base).toList();
    }

    /**
     * Each node's first call alone (its JAX-RS client starts then), a pause of a window, and a clean count. The
     * first call after a deployment can find the grid slow to answer its first operation (classes loaded and the
     * bucket created on the owning member): it is then refused (fail-closed) and the call is made again after the
     * limiter's gridRetryInterval. How many were refused is reported.
     */
    void warmUp(String label) throws Exception {
        for (int n = 0; n < nodes.size(); n++) {
            long start = System.nanoTime();
            List<String> refused = new ArrayList<>();
            for (int attempt = 0; ; attempt++) {
                PairLoad.Call call = PairLoad.call(uris(), n, "passed-warm-up-" + label + "-" + n + "-" + attempt);
                if (call.passed()) {
                    break;
                }
                refused.add(call.status() + " " + call.body());
                assertThat(attempt).as("warm-up on %s: %s", nodes.get(n), refused).isLessThan(10);
                Thread.sleep(2100);
            }
            if (!refused.isEmpty()) {
                note(String.format("%s: first call after start passed after %.1f s; refused before: %s", nodes.get(n),
                        (System.nanoTime() - start) / 1e9, refused));
            }
        }
        Thread.sleep(1100);
        emulator.reset();
    }

    @Test
    @Order(1)
    void bothNodesShareOneBudget() throws Exception {
        warmUp("shared");
        PairLoad.Result result = PairLoad.run("shared", uris(), CALLERS_PER_NODE, 200, 0, null);
        report("both nodes", result);

        assertThat(result.refused()).as("nothing refused").isEmpty();
        assertThat(result.passed()).isEqualTo(200);
        assertThat(emulator.maxRequestsInAnyOneSecondWindow()).as("arrivals in any one second").isLessThanOrEqualTo(BUDGET);
        assertThat(emulator.rateLimitedCount()).isZero();
        // both nodes took part (their callers are as many and as fast), and together they used the shared budget:
        // the pacing is the limiter's (the rate), not the callers' (a sanity bound for a loaded 2-core machine)
        assertThat(result.rate(0, 0, result.seconds())).isGreaterThan(PERMITS / 5.0);
        assertThat(result.rate(1, 0, result.seconds())).isGreaterThan(PERMITS / 5.0);
        assertThat(result.passed() / result.seconds()).isBetween(PERMITS * 0.7, BUDGET + 0.0);
    }

    @Test
    @Order(2)
    void whenOneNodeStopsTheOtherTakesTheWholeBudget() throws Exception {
        warmUp("stop");
        double stopAt = 4;
        double[] stopped = new double[1];
        long[] t0 = new long[1];
        t0[0] = System.nanoTime();
        PairLoad.Result result = PairLoad.run("stop", uris(), CALLERS_PER_NODE, 300, stopAt, () -> {
            try {
                nodes.get(1).stop(Duration.ofSeconds(60));
                stopped[0] = (System.nanoTime() - t0[0]) / 1e9;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        double after = Math.max(stopped[0], stopAt) + 3;
        double rateAfter = result.rate(0, after, result.seconds());
        report(String.format("node b stopped at %.1f s (gone at %.1f s); node a before: %.1f/s, from %.1f s on:"
                        + " %.1f/s, longest pause %.2f s", stopAt, stopped[0], result.rate(0, 0.5, stopAt), after,
                rateAfter, result.longestGapSeconds(0, stopAt)), result);

        assertThat(nodes.get(1).isAlive()).isFalse();
        assertThat(result.refused()).as("nothing refused by the portal on either node").isEmpty();
        assertThat(emulator.maxRequestsInAnyOneSecondWindow()).as("arrivals in any one second").isLessThanOrEqualTo(BUDGET);
        assertThat(emulator.rateLimitedCount()).isZero();
        assertThat(result.seconds()).as("enough calls left after the stop to measure").isGreaterThan(after + 3);
        assertThat(rateAfter).as("node a alone takes the budget").isGreaterThan(PERMITS * 0.7);
    }

    void report(String what, PairLoad.Result result) throws IOException {
        String line = String.format("%s %s pair, %d/s, %d callers per node: %s: %s; emulator: max %d arrivals in any"
                        + " one-second window, %d RequestLimitExceeded%n", Instant.now(), pair(), PERMITS,
                CALLERS_PER_NODE, what, result.summary(), emulator.maxRequestsInAnyOneSecondWindow(),
                emulator.rateLimitedCount());
        note(line);
        List<Timeline.Event> sends = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            sends.addAll(Timeline.sends(nodes.get(n).name, sendLog(n)));
        }
        List<Timeline.Event> arrivals = Timeline.arrivals(emulator.requests());
        Instant from = arrivals.isEmpty() ? Instant.now() : arrivals.get(0).at().minusSeconds(2);
        sends.removeIf(s -> s.at().isBefore(from));
        String timeline = Timeline.explain(arrivals, sends, hiccups.between(from, Instant.now()));
        Path file = work.resolve("timeline-" + pair() + "-" + result.label() + ".txt");
        Files.writeString(file, timeline, StandardCharsets.UTF_8);
        note("  " + timeline.lines().findFirst().orElse("") + " (" + file.getFileName() + ")");
    }

    /** A line for the build log and target/cluster-work/report.txt. */
    void note(String line) throws IOException {
        String text = line.endsWith("\n") ? line : line + System.lineSeparator();
        System.out.print(text);
        Files.writeString(work.resolve("report.txt"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
