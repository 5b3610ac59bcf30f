package io.github.faceid4j.benchmarks;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The soak run of issue 12, outside CI: calls at the action's limit (20/s by default) for ten minutes against the
 * emulator on 127.0.0.1, about 10% of them faults (service errors that are retried, slow answers that time out,
 * malformed, cut and HTML answers), one in ten answers large enough to be spilled, half the calls synchronous and
 * half asynchronous. Threads, open file descriptors, heap after a full GC and spill files are sampled before the
 * first call, once the pools have filled (30 s), every minute, at the end and after {@code close()}; none may
 * grow between the warmed-up start and the end.
 *
 * <pre>benchmarks/run.sh soak [--minutes=10] [--rate=20] [--faults=0.1]</pre>
 */
final class Soak {

    private final PrintStream out;
    static final int CALLERS = 128;

    Soak(PrintStream out) {
        this.out = out;
    }

    record Sample(String when, int threads, long openFds, long heapAfterGc, long spillFiles, long calls) {
    }

    record Result(List<Sample> samples, Map<String, Long> outcomes, double minutes, int rate, double faults) {
    }

    Result run(double minutes, int rate, double faults) throws Exception {
        Path spill = Files.createTempDirectory("faceid4j-soak-spill");
        Random random = new Random(12);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        AtomicLong calls = new AtomicLong();
        List<Sample> samples = new java.util.ArrayList<>();
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            VerificationResultService service = FaceIdServiceBuilder.create()
                    .region("ap-singapore")
                    .endpoint(emulator.endpoint())
                    .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                    .rateLimit(rate, Duration.ofSeconds(1))
                    .readTimeout(Duration.ofSeconds(1))
                    .callTimeout(Duration.ofSeconds(5))
                    .spillDirectory(spill)
                    .spillThreshold(256 * 1024)
                    .build();
            // as many as a servlet container's request threads: offered at the limit, the retries of faults ask for
            // a little more than the limit, and synchronous callers must not be the bottleneck
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS, daemon("soak-caller-"));
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor(daemon("soak-pace-"));
            samples.add(sample("before the first call", spill, 0));
            long begin = System.nanoTime();
            long end = begin + (long) (minutes * 60e9);
            long period = 1_000_000_000L / rate;
            script(emulator);
            pace.scheduleAtFixedRate(() -> {
                long n = calls.incrementAndGet();
                String token;
                synchronized (random) {
                    token = random.nextDouble() < faults ? FAULTS.get(random.nextInt(FAULTS.size()))
                            : n % 10 == 0 ? "passed-big" : "passed-" + (n % 16);
                }
                if (n % 2 == 0) {
                    callers.execute(() -> record(outcomes, () -> service.getResult(token)));
                } else {
                    service.getResultAsync(token).whenComplete((r, e) -> count(outcomes, r, e));
                }
            }, 0, period, TimeUnit.NANOSECONDS);
            // pools (the service's, the emulator's handlers) fill in the first seconds: the baseline is taken after
            Thread.sleep(Math.min(30_000, (long) (minutes * 60e3 / 4)));
            emulator.reset();
            script(emulator);
            Sample warmed = sample("start (warmed up)", spill, calls.get());
            samples.add(warmed);
            out.println(warmed);
            long nextSample = begin + TimeUnit.MINUTES.toNanos(1);
            while (System.nanoTime() < end) {
                Thread.sleep(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()),
                        TimeUnit.NANOSECONDS.toMillis(nextSample - System.nanoTime()))));
                if (System.nanoTime() >= nextSample && System.nanoTime() < end) {
                    // the emulator's request log (this JVM) grows with every call: forgotten before each sample
                    emulator.reset();
                    script(emulator);
                    Sample s = sample(String.format(Locale.ROOT, "%.0f min", (System.nanoTime() - begin) / 60e9), spill,
                            calls.get());
                    samples.add(s);
                    out.println(s);
                    nextSample += TimeUnit.MINUTES.toNanos(1);
                }
            }
            pace.shutdown();
            pace.awaitTermination(10, TimeUnit.SECONDS);
            callers.shutdown();
            if (!callers.awaitTermination(60, TimeUnit.SECONDS)) {
                out.println("synchronous callers still busy after 60 s");
            }
            Thread.sleep(6000); // the last async calls end within their 5 s deadline
            emulator.reset();
            samples.add(sample("end", spill, calls.get()));
            service.close();
            samples.add(sample("after close()", spill, calls.get()));
        } finally {
            try (Stream<Path> left = Files.list(spill)) {
                left.forEach(p -> p.toFile().delete());
            }
            Files.deleteIfExists(spill);
        }
        Map<String, Long> counted = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Result(samples, counted, minutes, rate, faults);
    }

    /**
     * A fixed set of tokens, so the emulator's scripts do not grow with the run. Each is named so that, in the
     * instant between a reset and the next script, the emulator's prefix conventions give the same kind of answer
     * or a passed one.
     */
    static final List<String> FAULTS = List.of("internal-soak", "slow-soak", "malformed-soak", "passed-cut",
            "passed-html", "ratelimited-soak", "expired-soak");

    private static void script(FaceIdEmulator emulator) {
        emulator.script("slow-soak", Scenario.slow(Duration.ofSeconds(2), Scenario.passed())); // beyond readTimeout
        emulator.script("passed-cut", Scenario.truncatedMidBody());
        emulator.script("passed-html", Scenario.html(502));
        emulator.script("passed-big", Scenario.passedWithVideoOfSize(512 * 1024)); // spilled
    }

    private static void record(Map<String, LongAdder> outcomes, java.util.function.Supplier<VerificationResult> call) {
        try {
            count(outcomes, call.get(), null);
        } catch (RuntimeException e) {
            count(outcomes, null, e);
        }
    }

    private static void count(Map<String, LongAdder> outcomes, VerificationResult result, Throwable failure) {
        String key;
        if (failure == null) {
            key = "answered";
            if (result.videoBase64() != null) {
                result.videoBase64().toByteArray(); // reads a spilled answer's media from its file
            }
        } else {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c ? c.getCause() : failure;
            key = cause instanceof FaceIdException ? cause.getClass().getSimpleName()
                    : "unexpected " + cause.getClass().getName();
        }
        outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Open file descriptors of this process, and how many of them are (deleted) spill files. */
    private static Sample sample(String when, Path spill, long calls) throws IOException {
        for (int i = 0; i < 3; i++) {
            System.gc(); // spilled answers hold files until their results are collected
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long fds = 0;
        long spillFiles = 0;
        String spillPrefix = spill.toAbsolutePath().toString();
        Path proc = Path.of("/proc/self/fd");
        if (Files.isDirectory(proc)) {
            try (Stream<Path> all = Files.list(proc)) {
                for (Path fd : (Iterable<Path>) all::iterator) {
                    fds++;
                    try {
                        if (Files.readSymbolicLink(fd).toString().startsWith(spillPrefix)) {
                            spillFiles++;
                        }
                    } catch (IOException gone) {
                        // closed meanwhile
                    }
                }
            }
        }
        try (Stream<Path> names = Files.list(spill)) {
            spillFiles += names.count(); // names left behind (none expected: files are unlinked as they are opened)
        }
        return new Sample(when, ManagementFactory.getThreadMXBean().getThreadCount(), fds, heap, spillFiles, calls);
    }

    static void report(PrintStream report, Result result) {
        report.printf(Locale.ROOT, "## Soak: %.1f min at %d/s, %.0f%% injected faults%n%n", result.minutes(),
                result.rate(), result.faults() * 100);
        report.println("| when | calls started | threads | open fds | heap after full GC | spill files |");
        report.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (Sample s : result.samples()) {
            report.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f MiB | %d |%n", s.when(), s.calls(), s.threads(),
                    s.openFds(), s.heapAfterGc() / 1048576.0, s.spillFiles());
        }
        report.println();
        report.println("Outcomes: " + result.outcomes());
        report.println();
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
