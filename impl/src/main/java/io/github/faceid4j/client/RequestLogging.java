package io.github.faceid4j.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request and response logging, when {@link FaceIdServiceBuilder#logRequests(boolean)} turns it on: one line per
 * request and one per response on the {@code System.Logger} {@value #LOGGER} at INFO, so application servers route
 * them to their own logging.
 *
 * <p>Only an allow-list of headers is printed ({@link #REQUEST_HEADERS}, {@link #RESPONSE_HEADERS}), with the masked
 * BizToken and the attempt number of the call (the {@link Attempt} that {@link Transport} puts on the request as the
 * property {@link Attempt#PROPERTY}). Never {@code Authorization}, {@code X-TC-Token}, a body, media or OCR fields.
 *
 * <p>Also keeps the JDK's {@code HttpURLConnection} from logging: at FINE it prints every request header, the
 * {@code Authorization} signature and the session token included, so a root logger set to ALL (a common debugging
 * step) would leak them. {@link #quietJdkHttpLogging()} pins that logger at INFO.
 */
final class RequestLogging implements ClientRequestFilter, ClientResponseFilter {

    /** Every log line of the client goes to this logger. */
    static final String LOGGER = "io.github.faceid4j.client";
    static final System.Logger LOG = System.getLogger(LOGGER);

    static final List<String> REQUEST_HEADERS = List.of("X-TC-Action", "X-TC-Version", "X-TC-Region",
            "X-TC-Timestamp", "X-TC-Language", "Content-Type", "Content-Length", "Host");
    static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Length", "X-TC-RequestId");

    /**
     * Whether this thread is making one of our exchanges: only for {@link #quietRestrictedHeaderWarning()}, whose
     * logger filter has no request to look at. The attempt itself travels as a request property.
     */
    private static final ThreadLocal<Boolean> EXCHANGING = new ThreadLocal<>();

    private static final String STARTED = RequestLogging.class.getName() + ".started";
    private static final String JDK_HTTP_LOGGER = "sun.net.www.protocol.http.HttpURLConnection";
    /** Held: a java.util.logging logger without a strong reference forgets its level. */
    private static volatile java.util.logging.Logger jdkHttpLogger;

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : REQUEST_HEADERS) {
            String value = switch (name) {
                case "Host" -> SigningFilter.hostHeader(request.getUri());
                case "Content-Length" -> request.getEntity() instanceof byte[] body ? Integer.toString(body.length)
                        : request.getHeaderString(name);
                default -> request.getHeaderString(name);
            };
            if (value != null) {
                shown.put(name, clean(value));
            }
        }
        LOG.log(Level.INFO, "FaceID request: " + context(request) + request.getMethod() + " " + origin(request.getUri())
                + " " + shown);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Object started = request.getProperty(STARTED);
        long millis = started instanceof Long nanos ? (System.nanoTime() - nanos) / 1_000_000 : -1;
        Map<String, String> shown = new LinkedHashMap<>();
        for (String name : RESPONSE_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                shown.put(name, clean(value));
            }
        }
        LOG.log(Level.INFO, "FaceID response: " + context(request) + "HTTP " + response.getStatus()
                + (millis >= 0 ? " after " + millis + " ms " : " ") + shown);
    }

    private static String context(ClientRequestContext request) {
        return request.getProperty(Attempt.PROPERTY) instanceof Attempt attempt ? attempt + ", " : "";
    }

    /** {@link Transport} begins an exchange on this thread (see {@link #quietRestrictedHeaderWarning()}). */
    static void exchangeStarted() {
        EXCHANGING.set(Boolean.TRUE);
    }

    /** The exchange begun on this thread is over. */
    static void exchangeEnded() {
        EXCHANGING.remove();
    }

    /** Scheme, host and port: the endpoint has no path, query or user info, but print only what is needed anyway. */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/";
    }

    /** Printable ASCII only, bounded: a header value cannot forge log lines or flood them. */
    static String clean(String value) {
        return clean(value, 100);
    }

    static String clean(String value, int max) {
        String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > max ? printable.substring(0, max) + "..." : printable;
    }

    /**
     * Pins the JDK's {@code HttpURLConnection} logger at INFO when java.util.logging is the backend, unless the
     * application has given it a level of its own. Idempotent.
     */
    static void quietJdkHttpLogging() {
        if (jdkHttpLogger != null) {
            return;
        }
        synchronized (RequestLogging.class) {
            if (jdkHttpLogger != null) {
                return;
            }
            try {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger(JDK_HTTP_LOGGER);
                if (logger.getLevel() == null) {
                    logger.setLevel(java.util.logging.Level.INFO);
                    LOG.log(Level.TRACE, "FaceID: logger " + JDK_HTTP_LOGGER + " set to INFO: at FINE the JDK logs"
                            + " every request header, credentials included");
                }
                jdkHttpLogger = logger;
            } catch (RuntimeException | LinkageError e) {
                jdkHttpLogger = java.util.logging.Logger.getAnonymousLogger(); // no java.util.logging: nothing to pin
            }
        }
    }

    private static final String JERSEY_CONNECTOR_LOGGER = "org.glassfish.jersey.client.internal.HttpUrlConnector";
    /** Held, like {@link #jdkHttpLogger}: the filter lives on the logger object. */
    private static volatile java.util.logging.Logger jerseyConnectorLogger;

    /**
     * A streamed Apply body is sent with its {@code Content-Length} so that Jersey switches the connection to
     * fixed-length streaming; Jersey then also copies that header onto the {@code HttpURLConnection}, which ignores
     * it as "restricted", and warns about it on every call. Harmless (the length is applied through the streaming
     * mode), so this drops exactly that warning, and only on a thread that is making one of our exchanges: other
     * Jersey clients in the same JVM keep theirs.
     */
    static void quietRestrictedHeaderWarning() {
        if (jerseyConnectorLogger != null) {
            return;
        }
        synchronized (RequestLogging.class) {
            if (jerseyConnectorLogger != null) {
                return;
            }
            try {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger(JERSEY_CONNECTOR_LOGGER);
                java.util.logging.Filter previous = logger.getFilter();
                logger.setFilter(record -> {
                    if (EXCHANGING.get() != null && record.getMessage() != null
                            && record.getMessage().contains("allowRestrictedHeaders")) {
                        return false;
                    }
                    return previous == null || previous.isLoggable(record);
                });
                jerseyConnectorLogger = logger;
            } catch (RuntimeException | LinkageError e) {
                jerseyConnectorLogger = java.util.logging.Logger.getAnonymousLogger();
            }
        }
    }
}
