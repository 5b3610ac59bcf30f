package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.start.StartedVerification;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * One HTTP exchange with the service over a reused Jersey {@link Client}: sign (in {@link SigningFilter}), send,
 * read the body within bounds, decode. Knows nothing of retries or pacing.
 */
final class Transport implements AutoCloseable {

    static final String ACTION = "GetWebVerificationResultIntl";
    static final String VERSION = "2018-03-01";
    private static final MediaType JSON_UTF8 = MediaType.valueOf("application/json; charset=utf-8");

    private final FaceIdServiceBuilder.Settings settings;
    private final ResponseDecoder decoder;
    /** Bounds what spilled answers hold on disk; {@code null} when answers are kept in memory. */
    private final SpillSpace spillSpace;
    private final Client client;
    private final WebTarget target;
    /** Opens every connection, and knows those of the exchanges in flight, to abort them on close. */
    private final ProxyConnectionFactory connections;
    /** Told the length of every answer written to a spill file (telemetry's {@code faceid.client.spilled}). */
    private final java.util.function.LongConsumer spilled;

    /** @param spilled told the length of every answer written to a spill file; must not throw */
    Transport(FaceIdServiceBuilder.Settings settings, java.util.function.LongConsumer spilled) {
        this.settings = settings;
        this.spilled = spilled;
        this.decoder = new ResponseDecoder(settings.maxResponseBytes());
        this.spillSpace = settings.spillDirectory() == null ? null : new SpillSpace(settings.spillMaxBytes());
        // HttpURLConnection logs Authorization and X-TC-Token at FINE: keep its logger at INFO (see RequestLogging).
        RequestLogging.quietJdkHttpLogging();
        RequestLogging.quietRestrictedHeaderWarning();
        this.connections = new ProxyConnectionFactory(settings.proxy(), settings.sslContext());
        // JerseyClientBuilder by name: inside WildFly, ClientBuilder.newBuilder() would give RESTEasy's client.
        // Our connection factory: the proxy (and its non-proxy hosts) of the settings, the JVM's otherwise.
        JerseyClientBuilder builder = new JerseyClientBuilder()
                .withConfig(new org.glassfish.jersey.client.ClientConfig().connectorProvider(
                        new org.glassfish.jersey.client.HttpUrlConnectorProvider()
                                // a request with a Content-Length header (Apply's StreamedBody) is streamed;
                                // without one, the JDK buffers the body as before
                                .useFixedLengthStreaming()
                                .connectionFactory(connections)))
                .property(ClientProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
                .property(ClientProperties.READ_TIMEOUT, (int) settings.readTimeout().toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                // Bodies are byte[] out and InputStream in: none of Jersey's optional default providers (XML Source
                // types, RenderedImage, and jakarta.activation.DataSource, whose absence it would warn about in
                // every application) is of use, so none is registered.
                .property(CommonProperties.PROVIDER_DEFAULT_DISABLE, "ALL")
                .register(new SigningFilter(new Tc3Signer("faceid"), settings.credentials(), settings.clock()))
                .register(new StreamedBody.Writer());
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext()); // else Jersey's default: the JVM's trust store
        }
        if (settings.logRequests()) {
            // after signing (request filters run by ascending priority), so the timestamp it adds is shown
            builder.register(new RequestLogging(), jakarta.ws.rs.Priorities.USER + 1000);
        }
        this.client = builder.build();
        this.target = client.target(settings.endpoint());
        // Jersey builds its request pipeline and JSON-B its mapping on first use, which on a cold JVM takes long
        // enough that the first requests would leave well after their rate-limit permits were taken (and the first
        // customer would wait for it): do both now, when the service is built.
        target.request();
        decoder.requestBody("warm-up");
    }

    /**
     * Sends one request and decodes its answer.
     *
     * @param connectTimeoutMillis time allowed to connect, already capped by the caller's deadline
     * @param readTimeoutMillis    longest silence while reading, already capped by the caller's deadline
     * @param answerBegan          run once when the answer's status and headers have arrived, or the attempt to
     *                             get them failed: the rate limiter's cue (see {@link RateLimiter#release()})
     * @param deadline             the call's deadline ({@link System#nanoTime()}): a body still arriving then is
     *                             given up ({@link FaceIdTimeoutException}), however steadily it trickles in
     * @throws ConnectFailure when no response arrived because the connection failed (safe to retry)
     */
    VerificationResult exchange(String bizToken, int connectTimeoutMillis, int readTimeoutMillis, Runnable answerBegan,
                                long deadline) {
        try {
            return exchangeOnce(bizToken, connectTimeoutMillis, readTimeoutMillis, answerBegan, deadline);
        } finally {
            connections.exchangeEnded();
        }
    }

    private VerificationResult exchangeOnce(String bizToken, int connectTimeoutMillis, int readTimeoutMillis,
                                            Runnable answerBegan, long deadline) {
        byte[] body = decoder.requestBody(bizToken);
        Response response = post(ACTION, Entity.entity(body, JSON_UTF8), -1, connectTimeoutMillis,
                readTimeoutMillis, answerBegan, deadline);
        try (response) {
            MediaSlicer.PlainBlocks plain = new MediaSlicer.PlainBlocks();
            return decoder.decode(response.getStatus(), readBody(response, plain, deadline), plain);
        } catch (ProcessingException e) {
            throw transportFailure(e);
        }
    }

    /**
     * One {@code ApplyWebVerificationBizTokenIntl} exchange, as {@link #exchange} does for the result: the body is
     * streamed from its source with its Content-Length, its answer is small.
     */
    StartedVerification apply(StreamedBody body, ApplyCodec codec, int connectTimeoutMillis, int readTimeoutMillis,
                              Runnable answerBegan, long deadline) {
        try {
            return applyOnce(body, codec, connectTimeoutMillis, readTimeoutMillis, answerBegan, deadline);
        } finally {
            connections.exchangeEnded();
        }
    }

    private StartedVerification applyOnce(StreamedBody body, ApplyCodec codec, int connectTimeoutMillis,
                                          int readTimeoutMillis, Runnable answerBegan, long deadline) {
        Response response = post(ApplyCodec.ACTION, Entity.entity(body, JSON_UTF8), body.length(),
                connectTimeoutMillis, readTimeoutMillis, answerBegan, deadline);
        try (response; ResponseBody answer = readBody(response, new MediaSlicer.PlainBlocks(), deadline)) {
            if (answer.length() > ResponseBody.MAX_WINDOW) {
                throw new FaceIdDecodingException("FaceID's answer to Apply is larger than any such answer ("
                        + answer.length() + " bytes)", response.getStatus(), "", null);
            }
            byte[] bytes = answer.head(answer.length());
            return codec.decode(response.getStatus(), bytes, bytes.length);
        } catch (ProcessingException e) {
            throw transportFailure(e);
        }
    }

    /**
     * Sends a request for {@code action} (signed on its way out by {@link SigningFilter}) and returns the response
     * once its status and headers are in; {@code answerBegan} runs then, or when getting them failed.
     *
     * @param contentLength the body's length when it is streamed, else -1
     * @throws ConnectFailure when no response arrived because the connection failed (safe to retry)
     */
    private Response post(String action, Entity<?> entity, long contentLength, int connectTimeoutMillis,
                          int readTimeoutMillis, Runnable answerBegan, long deadline) {
        try {
            Invocation.Builder request = target.request(MediaType.APPLICATION_JSON_TYPE)
                    .property(ClientProperties.CONNECT_TIMEOUT, connectTimeoutMillis)
                    .property(ClientProperties.READ_TIMEOUT, readTimeoutMillis)
                    .property(SigningFilter.DEADLINE, deadline)
                    .header("X-TC-Action", action)
                    .header("X-TC-Version", VERSION)
                    .header("X-TC-Region", settings.region());
            if (settings.language() != null) {
                request = request.header("X-TC-Language", settings.language());
            }
            if (contentLength >= 0) {
                request = request.header("Content-Length", contentLength);
            }
            Response response = request.post(entity);
            answerBegan.run();
            return response;
        } catch (ProcessingException e) {
            answerBegan.run();
            if (e.getCause() instanceof FaceIdTimeoutException timeout) {
                throw timeout; // the signing filter's: the deadline passed while credentials were fetched
            }
            if (hasCause(e, SocketTimeoutException.class)) {
                throw new FaceIdTimeoutException(describe("got no answer in time", e), e);
            }
            if (isTlsRefusal(e)) {
                throw new TlsFailure(describe("was reached, but the TLS handshake failed: a certificate or trust"
                        + " problem, not a network one (is the server's certificate for this host, and trusted by"
                        + " trustStore, sslContext or the JVM's trust store?)", e), e);
            }
            throw new ConnectFailure(describe("could not be reached", e), e);
        }
    }

    /**
     * Reads the body, refusing it past the configured maximum before it can exhaust the heap, and tells
     * {@code plain} about every block as it arrives (see {@link MediaSlicer.PlainBlocks}). Into an array of exactly
     * Content-Length bytes, or, when a spill directory is configured, into a spill file as soon as the body is known
     * to be larger than the spill threshold (at once by its Content-Length, else once that many bytes have come).
     */
    private ResponseBody readBody(Response response, MediaSlicer.PlainBlocks plain, long deadline) {
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
                                      MediaSlicer.PlainBlocks plain, byte[] head, int readSoFar, long deadline)
            throws IOException {
        int max = settings.maxResponseBytes();
        ResponseBody.Spilled file = null;
        boolean complete = false;
        try {
            file = spillFile();
            // whole blocks of the head go to the file now; the rest starts the first chunk, so that every chunk
            // starts at a block boundary, as PlainBlocks needs
            int aligned = readSoFar & ~MediaSlicer.PlainBlocks.MASK;
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

    private FaceIdException transportFailure(Exception e) {
        if (hasCause(e, SocketTimeoutException.class)) {
            return new FaceIdTimeoutException(describe("stopped answering while the body was read", e), e);
        }
        return new FaceIdTransportException(describe("failed while the body was read", e), e);
    }

    private String describe(String what, Exception e) {
        Throwable cause = e instanceof ProcessingException && e.getCause() != null ? e.getCause() : e;
        return "FaceID at " + settings.endpoint().getHost() + " " + what
                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    }

    /**
     * A certificate refused (untrusted, expired, for another host) or no protocol or cipher agreed: not transient.
     * A connection reset or closed during the handshake is not one of these; it is retried like any lost connection.
     */
    private static boolean isTlsRefusal(Throwable e) {
        return hasCause(e, java.security.cert.CertificateException.class)
                || hasCause(e, javax.net.ssl.SSLHandshakeException.class) && !hasCause(e, java.net.SocketException.class)
                && !hasCause(e, java.io.EOFException.class);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Closes the connections of the exchanges in flight: each ends at once with a transport failure. */
    void abortExchanges() {
        connections.disconnectAll();
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * The TLS handshake failed: the server's certificate was not trusted, was for another host, or no protocol or
     * cipher was agreed. Not transient, so never retried (unlike {@link ConnectFailure}).
     */
    static final class TlsFailure extends FaceIdTransportException {
        private static final long serialVersionUID = 1L;

        TlsFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The connection failed before any response: the request may not have reached the service. */
    static final class ConnectFailure extends FaceIdTransportException {
        private static final long serialVersionUID = 1L;

        ConnectFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
