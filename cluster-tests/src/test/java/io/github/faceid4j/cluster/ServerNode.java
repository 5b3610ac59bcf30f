package io.github.faceid4j.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server process started by a test (a Payara Micro JVM, or WildFly's launch script and its JVM), its console in
 * a log file under target/. {@link #stop()} ends it gracefully (SIGTERM, as an operator's stop), and
 * {@link #destroy()} ends whatever is left of its process tree; tests call the latter in a finally/afterAll.
 */
final class ServerNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final URI base;
    private final Path log;
    private final Process process;

    private ServerNode(String name, URI base, Path log, Process process) {
        this.name = name;
        this.base = base;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code command} with {@code environment} added; the portal answers at {@code base} once deployed.
     */
    static ServerNode start(String name, URI base, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ServerNode(name, base, log, builder.start());
    }

    /**
     * Waits until the portal answers {@code GET api/verification/node}; fails with the log's tail when it does not,
     * at once when {@code failedMarker} (may be null) appears (WildFly's deployment scanner writes {@code .failed}).
     */
    ServerNode awaitDeployed(Duration timeout, Path failedMarker) throws InterruptedException, IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (failedMarker != null && Files.exists(failedMarker)) {
                throw new AssertionError(name + " failed to deploy the portal: " + Files.readString(failedMarker));
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended during start-up (exit " + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("api/verification/node"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not deploy the portal within " + timeout + " (its threads: "
                + threadDump() + "):\n" + tail());
    }

    /** The server JVM's threads, written beside its log by {@code jcmd <pid> Thread.print}; the file's path. */
    Path threadDump() {
        Path dump = log.resolveSibling("threads-" + System.currentTimeMillis() + ".txt");
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(jvm().pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            return Path.of("(no thread dump: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    /** The server's JVM: the process itself, or the one java child of a launch script. */
    ProcessHandle jvm() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElse(process.toHandle());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A graceful stop (SIGTERM to the JVM, as {@code kill <pid>} or a service manager does); waits for the end. */
    void stop(Duration timeout) throws InterruptedException {
        ProcessHandle jvm = jvm();
        jvm.destroy();
        jvm.onExit().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Ends the whole process tree, forcibly if it does not end within a few seconds. */
    void destroy() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        destroy();
    }

    /** The last lines of the server's console. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public String toString() {
        return name + " " + base;
    }
}
