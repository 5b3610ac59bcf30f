package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The few small, unsigned HTTP exchanges of the platform credential providers (the CVM metadata service, STS), on
 * the JDK's own client: they need none of the service's signing, retries or spilling, and must work before any
 * credentials exist. Every exchange is bounded as a whole ({@code timeout}), name resolution included: it runs on
 * the client's threads and the caller waits at most that long. Bodies larger than {@link #MAX_BODY} are refused.
 *
 * <p>No message built here quotes a body or a header value: answers carry temporary credentials.
 */
final class PlatformHttp {

    /** Credentials answers are a few hundred bytes; anything near this is not what we asked for. */
    static final int MAX_BODY = 64 * 1024;

    private final Duration connectTimeout;
    private final Duration timeout;
    private final boolean proxies;
    private volatile HttpClient client;

    /**
     * @param connectTimeout TCP connect bound
     * @param timeout        bound of a whole exchange, until the last byte of the answer
     * @param proxies        the JVM's proxy settings apply (STS on the internet); {@code false}: always direct (the
     *                       link-local metadata service)
     */
    PlatformHttp(Duration connectTimeout, Duration timeout, boolean proxies) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.proxies = proxies;
    }

    /** Made on the first exchange: a chain that never gets this far starts no thread. */
    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    HttpClient.Builder builder = HttpClient.newBuilder()
                            .connectTimeout(connectTimeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .version(HttpClient.Version.HTTP_1_1);
                    if (proxies) {
                        builder.proxy(ProxySelector.getDefault());
                    }
                    // The client's selector thread would inherit this thread's context class loader: in an
                    // application server, the application's, kept alive after an undeployment. Give it none.
                    Thread thread = Thread.currentThread();
                    ClassLoader previous = thread.getContextClassLoader();
                    thread.setContextClassLoader(null);
                    try {
                        c = builder.build();
                    } finally {
                        thread.setContextClassLoader(previous);
                    }
                    client = c;
                }
            }
        }
        return c;
    }

    /** An answer: its status and its body as text. */
    record Answer(int status, String body) {
        /** The body as a JSON object, or a configuration problem under {@code key} saying {@code what} was unreadable. */
        JsonObject json(String key, String what) {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new FaceIdConfigurationException(key, what + " answered something that is not a JSON object");
            }
        }
    }

    Answer get(URI uri) throws PlatformHttpException {
        return send(HttpRequest.newBuilder(uri).GET().timeout(timeout).build());
    }

    Answer post(URI uri, Map<String, String> headers, String json) throws PlatformHttpException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .timeout(timeout);
        headers.forEach(request::header);
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws PlatformHttpException {
        CompletableFuture<HttpResponse<byte[]>> exchange;
        try {
            exchange = client().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            throw new PlatformHttpException(e);
        }
        HttpResponse<byte[]> response;
        try {
            // the request's own timeout ends at the answer's headers; this bounds the body and the lookup too
            response = exchange.get(timeout.toMillis() + 250, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new PlatformHttpException(e);
        } catch (ExecutionException e) {
            throw new PlatformHttpException(e.getCause() == null ? e : e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new PlatformHttpException(e);
        }
        byte[] body = response.body();
        if (body != null && body.length > MAX_BODY) {
            throw new PlatformHttpException(new IllegalStateException("answer of " + body.length + " bytes"));
        }
        return new Answer(response.statusCode(), body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /** A text member, or {@code null} when absent, null or blank. */
    static String text(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        if (value == null || value.getValueType() != JsonValue.ValueType.STRING) {
            return null;
        }
        String text = object.getString(name);
        return text.isBlank() ? null : text;
    }

    /** A whole number member (also accepted as a numeric string), or {@code null}. */
    static Long number(JsonObject object, String name) {
        JsonValue value = object == null ? null : object.get(name);
        if (value == null) {
            return null;
        }
        if (value.getValueType() == JsonValue.ValueType.NUMBER) {
            return object.getJsonNumber(name).longValue();
        }
        if (value.getValueType() == JsonValue.ValueType.STRING) {
            try {
                return Long.parseLong(object.getString(name).trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The exchange did not produce an answer: the cause's type says why (refused, timed out, unresolvable...). */
    static final class PlatformHttpException extends Exception {
        private static final long serialVersionUID = 1L;

        PlatformHttpException(Throwable cause) {
            super(cause.getClass().getSimpleName(), cause);
        }

        /** Simple name of the underlying failure, e.g. {@code HttpConnectTimeoutException}. */
        String reason() {
            return getMessage();
        }
    }
}
