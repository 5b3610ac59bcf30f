package io.github.faceid4j.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;

/**
 * Customers returning to the portal, as fast as {@code callersPerNode} callers per node can go: each caller sends
 * {@code GET api/verification?token=passed-...} to its node and the next one when the answer is in, until
 * {@code totalCalls} were sent. A caller whose node stops answering (connection refused or reset: the node was
 * stopped) goes on with the other node, as a load balancer would send it there.
 */
final class PairLoad {

    /** One call: which node answered, when (System.nanoTime), the HTTP status and body ("passed", or a failure). */
    record Call(int node, long startNanos, long endNanos, int status, String body) {
        boolean passed() {
            return status == 200 && body.equals("passed");
        }

        /**
         * Whether the portal answered, rather than the server around it: the portal answers 200, or 503 naming the
         * library's exception ({@code Failures}). A node being stopped answers for a moment with its own error
         * pages (503 while undeploying, 404 once the WAR is gone), as a load balancer would see it going away. So is
         * the portal's 503 {@code ServiceClosedException}: the application is being undeployed and its service
         * closed, which ends the calls still in flight on that node (issue 12); that is the node going away, not a
         * refusal by the budget.
         */
        boolean fromPortal() {
            return status == 200 || (status == 503 && body.matches("[A-Za-z]+Exception( .*)?")
                    && !body.startsWith("ServiceClosedException"));
        }
    }

    /** What a run did. */
    record Result(String label, long startNanos, long endNanos, List<Call> calls, List<String> lostWithTheNode) {

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        long passed() {
            return calls.stream().filter(Call::passed).count();
        }

        List<Call> refused() {
            return calls.stream().filter(c -> !c.passed()).toList();
        }

        /** Calls of {@code node} answered "passed" per second within [from, to) seconds after the start. */
        double rate(int node, double fromSeconds, double toSeconds) {
            long from = startNanos + (long) (fromSeconds * 1e9);
            long to = startNanos + (long) (toSeconds * 1e9);
            long n = calls.stream().filter(c -> c.node == node && c.passed() && c.endNanos >= from && c.endNanos < to)
                    .count();
            return n / (toSeconds - fromSeconds);
        }

        /** The longest time without a "passed" answer from {@code node} between {@code fromSeconds} and the end. */
        double longestGapSeconds(int node, double fromSeconds) {
            long last = startNanos + (long) (fromSeconds * 1e9);
            long longest = 0;
            for (long t : calls.stream().filter(c -> c.node == node && c.passed()).map(Call::endNanos).sorted()
                    .toList()) {
                if (t >= last) {
                    longest = Math.max(longest, t - last);
                    last = t;
                }
            }
            return longest / 1e9;
        }

        String summary() {
            Map<Integer, Long> perNode = new TreeMap<>(calls.stream().filter(Call::passed)
                    .collect(Collectors.groupingBy(Call::node, Collectors.counting())));
            return String.format("%d passed in %.2f s (%.1f/s); per node %s; %d refused %s; %d answered by a stopping"
                            + " node's server, not the portal, and sent again to the other %s", passed(), seconds(),
                    passed() / seconds(), perNode, refused().size(),
                    refused().stream().map(c -> "node " + c.node + ": " + c.status + " " + c.body).distinct().toList(),
                    lostWithTheNode.size(), new TreeMap<>(lostWithTheNode.stream()
                            .collect(Collectors.groupingBy(s -> s, Collectors.counting()))));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    private PairLoad() {
    }

    /** One call to {@code node}; an IOException when the node does not answer at all. */
    static Call call(List<URI> nodes, int node, String token) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(nodes.get(node)
                        .resolve("api/verification?token=" + token)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Call(node, start, System.nanoTime(), response.statusCode(), response.body().trim());
    }

    /**
     * Runs {@code totalCalls} calls; {@code during} (may be null) runs on a thread of its own {@code atSeconds}
     * after the start, e.g. to stop a node.
     */
    static Result run(String label, List<URI> nodes, int callersPerNode, int totalCalls, double atSeconds,
                      Runnable during) throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(totalCalls);
        ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        AtomicIntegerArray down = new AtomicIntegerArray(nodes.size());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; n < nodes.size(); n++) {
            for (int c = 0; c < callersPerNode; c++) {
                int home = n;
                int caller = c;
                threads.add(started("caller-" + n + "-" + c, () -> {
                    int i = 0;
                    while (remaining.getAndDecrement() > 0) {
                        String token = "passed-" + label + "-n" + home + "-c" + caller + "-" + i++;
                        int node = down.get(home) == 1 ? 1 - home : home;
                        try {
                            Call call = call(nodes, node, token);
                            if (call.fromPortal()) {
                                calls.add(call);
                            } else {
                                lost.add("node " + node + ": " + call.status());
                                down.set(node, 1);
                                remaining.incrementAndGet();
                            }
                        } catch (IOException e) {
                            // the node went away under this call: the customer retries, on the other node
                            lost.add("node " + node + ": " + e.getClass().getSimpleName());
                            down.set(node, 1);
                            remaining.incrementAndGet();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
        }
        Thread disturbance = during == null ? null : started("disturbance", () -> {
            try {
                Thread.sleep((long) (atSeconds * 1000));
                during.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (Thread t : threads) {
            t.join(Duration.ofMinutes(3).toMillis());
        }
        long end = System.nanoTime();
        if (disturbance != null) {
            disturbance.join(Duration.ofMinutes(2).toMillis());
        }
        return new Result(label, start, end, new ArrayList<>(calls), new ArrayList<>(lost));
    }

    private static Thread started(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
