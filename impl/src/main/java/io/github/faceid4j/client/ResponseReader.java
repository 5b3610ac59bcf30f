package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * Reads one answer's body for {@link Transport}, within bounds: never past {@code maxResponseBytes}, never past the
 * call's deadline, into memory or, above the spill threshold, a spill file a chunk at a time; and tells
 * {@link PlainBlocks} about every block as it arrives.
 */
final class ResponseReader {

    private final ServiceSettings settings;
    /** Bounds what spilled answers hold on disk; {@code null} when answers are kept in memory. */
    private final SpillSpace spillSpace;

    /** Told the length of every answer written to a spill file (telemetry's {@code faceid.client.spilled}). */
    private final java.util.function.LongConsumer spilled;

    /** @param spilled told the length of every answer written to a spill file; must not throw */
    ResponseReader(ServiceSettings settings, java.util.function.LongConsumer spilled) {
        this.settings = settings;
        this.spilled = spilled;
        this.spillSpace = settings.spillDirectory() == null ? null : new SpillSpace(settings.spillMaxBytes());
    }

    /**
     * Reads the body, refusing it past the configured maximum before it can exhaust the heap, and tells
     * {@code plain} about every block as it arrives (see {@link PlainBlocks}). Into an array of exactly
     * Content-Length bytes, or, when a spill directory is configured, into a spill file as soon as the body is known
     * to be larger than the spill threshold (at once by its Content-Length, else once that many bytes have come).
     */
    ResponseBody read(Response response, PlainBlocks plain, long deadline) {
        int max = settings.maxResponseBytes();
        int status = response.getStatus();
        int declared = response.getLength();
        if (declared > max) {
            throw tooLarge(status, declared, max);
        }
        boolean spill = spillSpace != null;
        try (InputStream in = response.readEntity(InputStream.class)) {
            if (in == null) {
                return new ResponseBody.InMemory(new byte[0], 0);
            }
            if (spill && declared > settings.spillThreshold()) {
                if (spillSpace.reserve(declared)) {
                    return readIntoFile(in, status, declared, declared, plain, new byte[0], 0, deadline);
                }
                spill = false;
            }
            byte[] buffer = new byte[declared >= 0 ? declared : 64 * 1024];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (declared >= 0) {
                        break; // Content-Length reached; the connector stops there
                    }
                    if (length == max) {
                        if (in.read() < 0) {
                            break; // exactly the maximum
                        }
                        throw tooLarge(status, -1, max);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, max));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                checkDeadline(deadline, length);
                plain.received(buffer, length);
                if (spill && declared < 0 && length > settings.spillThreshold()) {
                    // the length is unknown: reserve the most it may grow to, corrected once it is complete
                    if (spillSpace.reserve(max)) {
                        return readIntoFile(in, status, declared, max, plain, buffer, length, deadline);
                    }
                    spill = false; // asked once per answer
                }
            }
            plain.finished(buffer, length);
            checkComplete(declared, length);
            return new ResponseBody.InMemory(buffer, length);
        } catch (IOException e) {
            throw transportFailure(e);
        }
    }

    /** Bytes moved from the network to a spill file at a time: a whole number of plain-block sizes. */
    private static final int SPILL_CHUNK = 64 * 1024;

    /**
     * Goes on reading into a new spill file, after the {@code readSoFar} bytes of {@code head} already read (and
     * looked at by {@code plain}). Only one chunk of the body is in memory at a time. {@code reserved} bytes of
     * spill space were reserved for it: they are corrected to the real length once the body is complete, or given
     * back if it fails.
     */
    private ResponseBody readIntoFile(InputStream in, int status, int declared, long reserved,
                                      PlainBlocks plain, byte[] head, int readSoFar, long deadline)
            throws IOException {
        int max = settings.maxResponseBytes();
        ResponseBody.Spilled file = null;
        boolean complete = false;
        try {
            file = spillFile();
            // whole blocks of the head go to the file now; the rest starts the first chunk, so that every chunk
            // starts at a block boundary, as PlainBlocks needs
            int aligned = readSoFar & ~PlainBlocks.MASK;
            append(file, head, aligned);
            byte[] chunk = new byte[SPILL_CHUNK];
            int filled = readSoFar - aligned;
            System.arraycopy(head, aligned, chunk, 0, filled);
            int base = aligned;
            while (true) {
                int n = in.read(chunk, filled, chunk.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                if ((long) base + filled > max) {
                    throw tooLarge(status, -1, max);
                }
                checkDeadline(deadline, base + filled);
                plain.received(chunk, base, base + filled);
                if (filled == chunk.length) {
                    append(file, chunk, filled);
                    base += filled;
                    filled = 0;
                }
            }
            plain.finished(chunk, base, base + filled);
            append(file, chunk, filled);
            checkComplete(declared, base + filled);
            try {
                file.complete();
            } catch (IOException e) {
                throw spillFailure(e);
            }
            spillSpace.track(file.mapping(), reserved, file.length());
            complete = true;
            spilled.accept(file.length());
            return file;
        } finally {
            if (!complete) {
                spillSpace.cancel(reserved);
                if (file != null) {
                    file.close();
                }
            }
        }
    }

    private ResponseBody.Spilled spillFile() {
        try {
            return ResponseBody.Spilled.create(settings.spillDirectory());
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    private static void append(ResponseBody.Spilled file, byte[] bytes, int n) {
        try {
            file.append(bytes, n);
        } catch (IOException e) {
            throw spillFailure(e);
        }
    }

    /**
     * A local problem, not the service's: the message names the setting and the kind of failure (no data; the cause
     * may name the spill directory and file).
     */
    private static FaceIdTransportException spillFailure(IOException e) {
        return new FaceIdTransportException("FaceID response could not be written to the spill directory"
                + " (spillDirectory): " + e.getClass().getSimpleName(), e);
    }

    /** A body still arriving at the call's deadline is given up, however steadily it trickles in. */
    private void checkDeadline(long deadline, int received) {
        if (System.nanoTime() - deadline >= 0) {
            throw new FaceIdTimeoutException(describe("was still sending the answer (" + received
                    + " bytes so far) at the call's deadline", null), null);
        }
    }

    private void checkComplete(int declared, int length) {
        if (declared >= 0 && length < declared) {
            throw new FaceIdTransportException(describe("closed the connection after " + length + " of "
                    + declared + " bytes", null), null);
        }
    }

    private FaceIdDecodingException tooLarge(int status, int declared, int max) {
        return new FaceIdDecodingException("FaceID response" + (declared >= 0 ? " of " + declared + " bytes" : "")
                + " exceeds the configured maximum of " + max + " bytes (maxResponseBytes)", status, "", null);
    }

    FaceIdException transportFailure(Exception e) {
        if (hasCause(e, SocketTimeoutException.class)) {
            return new FaceIdTimeoutException(describe("stopped answering while the body was read", e), e);
        }
        return new FaceIdTransportException(describe("failed while the body was read", e), e);
    }

    private String describe(String what, Exception e) {
        return Transport.describe(settings.endpoint(), what, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return RetryPolicy.hasCause(e, type);
    }
}
