package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Finishing a verification without a browser, for automated tests: {@code POST /emulator/complete} with form fields
 * {@code token}, {@code outcome} ({@code passed}, {@code liveness-failed}, {@code compare-failed}, {@code abandoned},
 * {@code timed-out}) and optionally {@code code} answers JSON with the redirect target, and
 * {@link FaceIdEmulator#complete} does the same in the test's JVM. The rules are {@link WebFlow}'s, as on the pages.
 */
final class CompletionApi {

    private final WebFlow flow;

    CompletionApi(WebFlow flow) {
        this.flow = flow;
    }

    /** {@code /emulator/complete}: the completion as JSON, or a status and an {@code error} saying why not. */
    void handle(HttpExchange ex) throws IOException {
        if (!"POST".equals(ex.getRequestMethod())) {
            error(ex, 405, "POST a form with token and outcome");
            return;
        }
        Map<String, String> form = Exchanges.form(ex);
        if (form == null) {
            error(ex, 415, "expected application/x-www-form-urlencoded");
            return;
        }
        Optional<FlowOutcome> outcome = FlowOutcome.fromForm(form.get("outcome"));
        if (outcome.isEmpty()) {
            error(ex, 400, "outcome must be one of passed, liveness-failed, compare-failed, abandoned, timed-out");
            return;
        }
        Long code = Exchanges.longField(form.get("code"));
        if (code == null && form.get("code") != null && !form.get("code").isBlank()) {
            error(ex, 400, "code must be a number");
            return;
        }
        Optional<WebFlow.Session> s = flow.find(form.get("token"));
        if (s.isEmpty()) {
            error(ex, 404, "unknown token");
            return;
        }
        Optional<WebFlow.Refusal> refusal = flow.complete(s.get(), outcome.get(), code);
        if (refusal.isPresent()) {
            error(ex, refusal.get().status(), refusal.get().message());
            return;
        }
        ResponseBody.Builder body = new ResponseBody.Builder();
        new JsonWriter(body).beginObject().field("token", s.get().token)
                .field("outcome", outcome.get().formValue()).field("errorCode", s.get().code)
                .field("redirect", s.get().redirectTarget()).endObject();
        json(ex, 200, body.build());
    }

    /** What {@link FaceIdEmulator#complete} does: the same rules, an exception instead of a status. */
    void complete(String token, FlowOutcome outcome, Long code) {
        WebFlow.Session s = flow.find(token).orElseThrow(() ->
                new IllegalArgumentException("No verification was started with this BizToken"));
        flow.complete(s, outcome, code).ifPresent(r -> {
            throw new IllegalStateException(r.message());
        });
    }

    private static void error(HttpExchange ex, int status, String message) throws IOException {
        ResponseBody.Builder body = new ResponseBody.Builder();
        new JsonWriter(body).beginObject().field("error", message).endObject();
        json(ex, status, body.build());
    }

    private static void json(HttpExchange ex, int status, ResponseBody body) throws IOException {
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        Exchanges.send(ex, status, "application/json", body);
    }
}
