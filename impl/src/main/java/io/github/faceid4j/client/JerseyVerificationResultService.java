package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@link VerificationResultService} over one reused Jersey {@link Client}. Built by {@link FaceIdServiceBuilder}.
 */
final class JerseyVerificationResultService implements VerificationResultService {

    static final String ACTION = "GetWebVerificationResultIntl";
    static final String VERSION = "2018-03-01";
    /** Tokens are UUIDs today; this leaves room while keeping junk and injection out of the request. */
    static final int MAX_BIZ_TOKEN_LENGTH = 128;
    private static final Pattern BIZ_TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final MediaType JSON_UTF8 = MediaType.valueOf("application/json; charset=utf-8");
    private static final int ASYNC_THREADS = 8;

    private final FaceIdServiceBuilder.Settings settings;
    private final ResponseDecoder decoder = new ResponseDecoder();
    private final Client client;
    private final WebTarget target;
    private final ExecutorService asyncExecutor;
    private final boolean ownsExecutor;
    private volatile boolean closed;

    JerseyVerificationResultService(FaceIdServiceBuilder.Settings settings) {
        this.settings = settings;
        // JerseyClientBuilder by name: inside WildFly, ClientBuilder.newBuilder() would give RESTEasy's client.
        this.client = new JerseyClientBuilder()
                .property(ClientProperties.CONNECT_TIMEOUT, (int) settings.connectTimeout().toMillis())
                .property(ClientProperties.READ_TIMEOUT, (int) settings.readTimeout().toMillis())
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .register(new SigningFilter(new Tc3Signer("faceid"), settings.credentials(), settings.clock()))
                .build();
        this.target = client.target(settings.endpoint());
        this.ownsExecutor = settings.asyncExecutor() == null;
        this.asyncExecutor = ownsExecutor ? defaultExecutor() : settings.asyncExecutor();
    }

    @Override
    public VerificationResult getResult(String bizToken) {
        checkOpen();
        validate(bizToken);
        byte[] body = decoder.requestBody(bizToken);
        Response response;
        try {
            var request = target.request(MediaType.APPLICATION_JSON_TYPE)
                    .header("X-TC-Action", ACTION)
                    .header("X-TC-Version", VERSION)
                    .header("X-TC-Region", settings.region());
            if (settings.language() != null) {
                request = request.header("X-TC-Language", settings.language());
            }
            response = request.post(Entity.entity(body, JSON_UTF8));
        } catch (ProcessingException e) {
            throw transportFailure("request failed", e);
        }
        try (response) {
            Body answer = readBody(response);
            return decoder.decode(response.getStatus(), answer.bytes, answer.length);
        } catch (ProcessingException e) {
            throw transportFailure("reading the answer failed", e);
        }
    }

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        CompletableFuture<VerificationResult> result = new CompletableFuture<>();
        try {
            asyncExecutor.execute(() -> {
                try {
                    result.complete(getResult(bizToken));
                } catch (Throwable e) {
                    result.completeExceptionally(e); // unwrapped: callers see our exception types
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new FaceIdTransportException("the service is closed or its async executor"
                    + " refused the call", e));
        }
        return result;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        client.close();
        if (ownsExecutor) {
            asyncExecutor.shutdown();
            try {
                if (!asyncExecutor.awaitTermination(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    asyncExecutor.shutdownNow();
                }
            } catch (InterruptedException e) {
                asyncExecutor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this VerificationResultService is closed");
        }
    }

    static void validate(String bizToken) {
        if (bizToken == null || bizToken.isBlank()) {
            throw new InvalidBizTokenException("BizToken must not be blank");
        }
        if (bizToken.length() > MAX_BIZ_TOKEN_LENGTH) {
            throw new InvalidBizTokenException("BizToken is longer than " + MAX_BIZ_TOKEN_LENGTH + " characters ("
                    + bizToken.length() + ")");
        }
        if (!BIZ_TOKEN.matcher(bizToken).matches()) {
            throw new InvalidBizTokenException("BizToken " + Redaction.prefix(bizToken)
                    + " has characters other than letters, digits, '-', '_', '.' and '~'");
        }
    }

    /** The body bytes, refused past the configured maximum before they can exhaust the heap. */
    private Body readBody(Response response) {
        int max = settings.maxResponseBytes();
        int declared = response.getLength();
        if (declared > max) {
            throw new FaceIdDecodingException("FaceID response of " + declared + " bytes exceeds the configured maximum of "
                    + max + " bytes (maxResponseBytes)", response.getStatus(), "", null);
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            byte[] buffer = new byte[declared >= 0 ? declared : 64 * 1024];
            int length = 0;
            while (true) {
                if (length == buffer.length) {
                    if (declared >= 0) {
                        // Content-Length said we were done; a longer body is a broken answer
                        if (in.read() != -1) {
                            throw new FaceIdDecodingException("FaceID response is longer than its Content-Length",
                                    response.getStatus(), "", null);
                        }
                        break;
                    }
                    if (length >= max) {
                        throw new FaceIdDecodingException("FaceID response exceeds the configured maximum of " + max
                                + " bytes (maxResponseBytes)", response.getStatus(), "", null);
                    }
                    buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, max));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
            }
            return new Body(buffer, length);
        } catch (IOException e) {
            throw transportFailure("reading the answer failed", e);
        }
    }

    private record Body(byte[] bytes, int length) {
    }

    private FaceIdException transportFailure(String what, Exception e) {
        Throwable cause = e instanceof ProcessingException && e.getCause() != null ? e.getCause() : e;
        String message = "FaceID " + what + " at " + settings.endpoint().getHost() + ": "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        if (hasCause(e, SocketTimeoutException.class)) {
            return new FaceIdTimeoutException(message, e);
        }
        return new FaceIdTransportException(message, e);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ExecutorService defaultExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "faceid-async-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
