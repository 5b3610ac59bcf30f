package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.UUID;

/**
 * Puts the API's answers on the wire: a {@link Scenario} as its kind asks (a result, an API error, raw bytes, a
 * wait, a body cut in the middle), and the emulator's own API errors and JSON answers, each with a fresh
 * {@code RequestId}.
 */
final class AnswerWriter {

    private final Clock clock;

    /** @param clock what results are stamped with */
    AnswerWriter(Clock clock) {
        this.clock = clock;
    }

    void scenario(HttpExchange ex, Scenario s) throws IOException {
        switch (s.kind) {
            case SLOW -> {
                try {
                    Thread.sleep(s.delay.toMillis());
                } catch (InterruptedException e) {
                    // close() is stopping us: drop the exchange rather than answer late.
                    Thread.currentThread().interrupt();
                    throw new IOException("emulator closing");
                }
                scenario(ex, s.then);
            }
            case API_ERROR -> apiError(ex, s.errorCode, s.errorMessage);
            case RESULT, OVERSIZED -> json(ex, ResultJson.result(s, clock, requestId()));
            case RAW -> Exchanges.send(ex, s.status, s.contentType, ResponseBody.of(s.rawBody()));
            case TRUNCATED -> {
                ResponseBody full = ResultJson.result(s, clock, requestId());
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, full.length());
                OutputStream out = ex.getResponseBody();
                full.writePrefixTo(out, full.length() / 2);
                out.flush();
                // Throwing out of the handler is the only way HttpServer offers to close the socket with the
                // promised length unfulfilled: the client sees the connection end mid-body.
                throw new IOException("truncatedMidBody: connection closed on purpose");
            }
            default -> throw new IllegalStateException("Unknown scenario kind " + s.kind);
        }
    }

    /** {@code {"Response":{"Error":{...},"RequestId":...}}}, HTTP 200 as the service sends it. */
    void apiError(HttpExchange ex, String code, String message) throws IOException {
        json(ex, ResultJson.apiError(code, message, requestId()));
    }

    /** HTTP 200, {@code application/json}. */
    void json(HttpExchange ex, ResponseBody body) throws IOException {
        Exchanges.send(ex, 200, "application/json", body);
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** The API error code a scenario ends in (after its waits), or null: what the request log records. */
    static String errorCodeOf(Scenario s) {
        Scenario last = s;
        while (last.kind == Scenario.Kind.SLOW) {
            last = last.then;
        }
        return last.kind == Scenario.Kind.API_ERROR ? last.errorCode : null;
    }
}
