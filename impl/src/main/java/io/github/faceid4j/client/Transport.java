package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
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

import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * One HTTP exchange with the service over a reused Jersey {@link Client}: sign (in {@link SigningFilter}), send,
 * read the body within bounds, decode. Knows nothing of retries or pacing.
 */
final class Transport implements AutoCloseable {

    static final String ACTION = "GetWebVerificationResultIntl";
    static final String VERSION = "2018-03-01";
    private static final MediaType JSON_UTF8 = MediaType.valueOf("application/json; charset=utf-8");

    private final ServiceSettings settings;
    private final ResultRequest resultRequest = new ResultRequest();
    private final ResponseDecoder decoder;
    /** Reads answers within bounds, into memory or a spill file. */
    private final ResponseReader reader;
    private final Client client;
    private final WebTarget target;
    /** Opens every connection, and knows those of the exchanges in flight, to abort them on close. */
    private final ProxyConnectionFactory connections;

    /** @param spilled told the length of every answer written to a spill file; must not throw */
    Transport(ServiceSettings settings, java.util.function.LongConsumer spilled) {
        this.settings = settings;
        this.decoder = new ResponseDecoder(settings.maxResponseBytes());
        this.reader = new ResponseReader(settings, spilled);
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
        resultRequest.body("warm-up");
    }

    /**
     * Sends one request and decodes its answer. The attempt is told when the answer's status and headers have
     * arrived, or that getting them failed (its permit goes back either way); its connect and read timeouts are
     * already capped by the call's deadline, and a body still arriving at the deadline is given up
     * ({@link FaceIdTimeoutException}), however steadily it trickles in.
     */
    VerificationResult exchange(String bizToken, Attempt attempt) {
        RequestLogging.exchangeStarted();
        try {
            return exchangeOnce(bizToken, attempt);
        } finally {
            RequestLogging.exchangeEnded();
            connections.exchangeEnded();
        }
    }

    private VerificationResult exchangeOnce(String bizToken, Attempt attempt) {
        byte[] body = resultRequest.body(bizToken);
        Response response = post(ACTION, Entity.entity(body, JSON_UTF8), -1, attempt);
        try (response) {
            PlainBlocks plain = new PlainBlocks();
            return decoder.decode(response.getStatus(), reader.read(response, plain, attempt.deadline()), plain);
        } catch (ProcessingException e) {
            throw reader.transportFailure(e);
        }
    }

    /**
     * One {@code ApplyWebVerificationBizTokenIntl} exchange, as {@link #exchange} does for the result: the body is
     * streamed from its source with its Content-Length, its answer is small.
     */
    StartedVerification apply(StreamedBody body, ApplyCodec codec, Attempt attempt) {
        RequestLogging.exchangeStarted();
        try {
            return applyOnce(body, codec, attempt);
        } finally {
            RequestLogging.exchangeEnded();
            connections.exchangeEnded();
        }
    }

    private StartedVerification applyOnce(StreamedBody body, ApplyCodec codec, Attempt attempt) {
        Response response = post(ApplyCodec.ACTION, Entity.entity(body, JSON_UTF8), body.length(), attempt);
        try (response; ResponseBody answer = reader.read(response, new PlainBlocks(), attempt.deadline())) {
            if (answer.length() > ResponseBody.MAX_WINDOW) {
                throw new FaceIdDecodingException("FaceID's answer to Apply is larger than any such answer ("
                        + answer.length() + " bytes)", response.getStatus(), "", null);
            }
            byte[] bytes = answer.head(answer.length());
            return codec.decode(response.getStatus(), bytes, bytes.length);
        } catch (ProcessingException e) {
            throw reader.transportFailure(e);
        }
    }

    /**
     * Sends a request for {@code action} (signed on its way out by {@link SigningFilter}) and returns the response
     * once its status and headers are in; the attempt is told then, or when getting them failed. The attempt
     * travels with the request as a property, for the filters ({@link SigningFilter} checks its deadline,
     * {@link RequestLogging} shows it).
     *
     * @param contentLength the body's length when it is streamed, else -1
     */
    private Response post(String action, Entity<?> entity, long contentLength, Attempt attempt) {
        try {
            Invocation.Builder request = target.request(MediaType.APPLICATION_JSON_TYPE)
                    .property(ClientProperties.CONNECT_TIMEOUT, attempt.connectTimeoutMillis())
                    .property(ClientProperties.READ_TIMEOUT, attempt.readTimeoutMillis())
                    .property(Attempt.PROPERTY, attempt)
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
            attempt.answerBegan();
            return response;
        } catch (ProcessingException e) {
            attempt.noAnswer();
            if (e.getCause() instanceof FaceIdTimeoutException timeout) {
                throw timeout; // the signing filter's: the deadline passed while credentials were fetched
            }
            if (hasCause(e, SocketTimeoutException.class)) {
                throw new FaceIdTimeoutException(describe("got no answer in time", e), e);
            }
            // no answer began: RetryPolicy retries this, unless the TLS handshake refused the server
            if (RetryPolicy.isTlsRefusal(e)) {
                throw new FaceIdTransportException(describe("was reached, but the TLS handshake failed: a certificate or trust"
                        + " problem, not a network one (is the server's certificate for this host, and trusted by"
                        + " trustStore, sslContext or the JVM's trust store?)", e), e);
            }
            throw new FaceIdTransportException(describe("could not be reached", e), e);
        }
    }

    private String describe(String what, Exception e) {
        return describe(settings.endpoint(), what, e);
    }

    /** A failure's message: the host and what happened, with the I/O failure's type and message (no data). */
    static String describe(java.net.URI endpoint, String what, Exception e) {
        Throwable cause = e instanceof ProcessingException && e.getCause() != null ? e.getCause() : e;
        return "FaceID at " + endpoint.getHost() + " " + what
                + (cause == null ? "" : ": " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        return RetryPolicy.hasCause(e, type);
    }

    /** Closes the connections of the exchanges in flight: each ends at once with a transport failure. */
    void abortExchanges() {
        connections.disconnectAll();
    }

    @Override
    public void close() {
        client.close();
    }
}
