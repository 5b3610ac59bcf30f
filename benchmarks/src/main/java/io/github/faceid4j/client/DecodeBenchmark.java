package io.github.faceid4j.client;

import io.github.faceid4j.benchmarks.Floor;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * The CPU side only, on a body already in memory (fetched once from the emulator): what our decoding adds to the
 * floor's "find the video, decode it". Separates parsing cost from network and scheduling noise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dsun.net.httpserver.nodelay=true"})
public class DecodeBenchmark {

    @Param({"1", "10", "20"})
    public int videoMiB;

    private byte[] body;
    private ResponseDecoder decoder;
    private MediaSlicer slicer;
    private PlainBlocks plain;

    @Setup(Level.Trial)
    public void fetchOnce() throws IOException {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            emulator.script("perf", Scenario.passedWithVideoOfSize(videoMiB * 1024L * 1024L));
            body = new Floor(emulator.endpoint(), Credentials.of(emulator.secretId(), emulator.secretKey()))
                    .fetch("perf");
        }
        decoder = new ResponseDecoder(Integer.MAX_VALUE - 8);
        slicer = new MediaSlicer(Integer.MAX_VALUE - 8);
        plain = classifyWhileReading();
    }

    /** Floor: find the video's span by a byte search and decode it. */
    @Benchmark
    public byte[] floorFindAndDecodeVideo() throws IOException {
        return Floor.decodeVideo(body);
    }

    /** Our pre-pass alone, nothing known of the body: validate the document and cut the media out of it. */
    @Benchmark
    public Object slice() throws MediaSlicer.MalformedDocument {
        return slicer.slice(body, body.length);
    }

    /** What the reader does as the body arrives (in 64 KiB reads here): note which 4 KiB blocks are plain. */
    @Benchmark
    public PlainBlocks classifyWhileReading() {
        PlainBlocks blocks = new PlainBlocks();
        for (int received = 0; received < body.length; ) {
            received = Math.min(body.length, received + 64 * 1024);
            blocks.received(body, received);
        }
        blocks.finished(body, body.length);
        return blocks;
    }

    /** The pre-pass when the reader has noted the plain blocks, as in the service. */
    @Benchmark
    public Object sliceKnowingPlainBlocks() throws MediaSlicer.MalformedDocument {
        return slicer.slice(body, body.length, plain);
    }

    /** Pre-pass plus JSON-B over what is left: a whole result, nothing decoded (plain blocks known). */
    @Benchmark
    public VerificationResult decodeResult() {
        return decoder.decode(200, body, body.length, plain);
    }

    /** The whole result, then the video decoded to an array: comparable with the floor. */
    @Benchmark
    public byte[] decodeResultAndVideo() {
        return decoder.decode(200, body, body.length, plain).videoBase64().toByteArray();
    }

    /** The whole result, then the video decoded to a stream a buffer at a time. */
    @Benchmark
    public long decodeResultAndStreamVideo() throws IOException {
        return decoder.decode(200, body, body.length, plain).videoBase64().writeTo(OutputStream.nullOutputStream());
    }
}
