package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The pages behind a {@code VerificationURL}, in plain HTML that works without JavaScript. The tester plays the
 * customer:
 * <ol>
 *   <li>{@code GET /verify/<token>}: the start page (skipped with {@code AutoSkipStartPage}); opening it uses the
 *       token;</li>
 *   <li>{@code GET /verify/<token>/customer}: what does the customer do? passes, fails liveness (with a code),
 *       fails the comparison, abandons (1410), times out (1409); submitted to
 *       {@code POST /verify/<token>/complete};</li>
 *   <li>{@code GET /verify/<token>/result}: the result page, whose "Next" ({@code POST /verify/<token>/next})
 *       redirects to {@code RedirectURL?token=<BizToken>}; with {@code AutoSkip} a passed verification goes there at
 *       once.</li>
 * </ol>
 * {@link CompletionApi} does step 2 without a browser; its address ({@link #COMPLETE}) is routed here too, so that
 * any other address under it gets this class's "not found" page.
 */
final class HostedPages {

    static final String PREFIX = "/verify/";
    static final String COMPLETE = "/emulator/complete";
    private static final long[] LIVENESS_CODES = {1005, 1001, 1002, 1003, 1004, 1207, 1208, 1301, 1302, 202};

    private final WebFlow flow;
    private final CompletionApi completion;

    HostedPages(WebFlow flow, CompletionApi completion) {
        this.flow = flow;
        this.completion = completion;
    }

    void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (path.equals(COMPLETE)) {
                completion.handle(ex);
            } else if (path.startsWith(PREFIX)) {
                page(ex, path.substring(PREFIX.length()));
            } else {
                html(ex, 404, "Not found", "<p>No such page.</p>");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ pages

    private void page(HttpExchange ex, String rest) throws IOException {
        int slash = rest.indexOf('/');
        String token = slash < 0 ? rest : rest.substring(0, slash);
        String step = slash < 0 ? "" : rest.substring(slash + 1);
        Optional<WebFlow.Session> found = flow.find(token);
        if (found.isEmpty()) {
            html(ex, 404, "Unknown verification", "<p>This link does not belong to any verification.</p>");
            return;
        }
        WebFlow.Session s = found.get();
        String method = ex.getRequestMethod();
        switch (method + " " + step) {
            case "GET " -> startPage(ex, s);
            case "GET customer" -> customerPage(ex, s);
            case "POST complete" -> completeFromPage(ex, s);
            case "GET result" -> resultPage(ex, s);
            case "POST next" -> next(ex, s);
            default -> html(ex, 405, "Not here", "<p>" + escape(method) + " is not served at this address.</p>");
        }
    }

    private void startPage(HttpExchange ex, WebFlow.Session s) throws IOException {
        if (refused(ex, flow.open(s))) {
            return;
        }
        if (s.state == WebFlow.State.COMPLETED) {
            Exchanges.redirect(ex, base(s) + "/result");
            return;
        }
        if (s.request.autoSkipStartPage()) {
            Exchanges.redirect(ex, base(s) + "/customer");
            return;
        }
        html(ex, 200, "Identity verification", "<p>This is the FaceID emulator's start page. A real customer would"
                + " now agree to the privacy policy"
                + (s.request.ocr() ? ", photograph an identity document" : "")
                + (s.request.liveness() ? " and take a short video of their face" : "") + ".</p>"
                + "<form method=\"get\" action=\"" + base(s) + "/customer\">"
                + "<button type=\"submit\">Start verification</button></form>");
    }

    private void customerPage(HttpExchange ex, WebFlow.Session s) throws IOException {
        if (refused(ex, flow.open(s))) {
            return;
        }
        if (s.state == WebFlow.State.COMPLETED) {
            Exchanges.redirect(ex, base(s) + "/result");
            return;
        }
        ApplyRequest r = s.request;
        StringBuilder form = new StringBuilder("<p>Check mode " + r.checkMode() + ". What does the customer do?</p>"
                + "<form method=\"post\" action=\"" + base(s) + "/complete\">");
        option(form, FlowOutcome.PASSED, "passes", true);
        if (r.liveness()) {
            option(form, FlowOutcome.LIVENESS_FAILED, "fails liveness with code", false);
            form.append("<select name=\"code\">");
            for (long code : LIVENESS_CODES) {
                form.append("<option value=\"").append(code).append("\">").append(code).append(": ")
                        .append(escape(FlowResultJson.message(code))).append("</option>");
            }
            form.append("</select><br>");
        }
        if (r.compare()) {
            option(form, FlowOutcome.COMPARE_FAILED, "fails the face comparison (2015)", false);
        }
        option(form, FlowOutcome.ABANDONED, "abandons the verification (1410)", false);
        option(form, FlowOutcome.TIMED_OUT, "times out (1409)", false);
        form.append("<button type=\"submit\">Done</button></form>");
        html(ex, 200, "The customer's turn", form.toString());
    }

    private static void option(StringBuilder form, FlowOutcome o, String label, boolean checked) {
        form.append("<label><input type=\"radio\" name=\"outcome\" value=\"").append(o.formValue()).append('"')
                .append(checked ? " checked" : "").append("> ").append(label).append("</label><br>");
    }

    private void completeFromPage(HttpExchange ex, WebFlow.Session s) throws IOException {
        Map<String, String> form = Exchanges.form(ex);
        if (form == null) {
            html(ex, 400, "Bad form", "<p>Expected a form (application/x-www-form-urlencoded).</p>");
            return;
        }
        Optional<FlowOutcome> outcome = FlowOutcome.fromForm(form.get("outcome"));
        if (outcome.isEmpty()) {
            html(ex, 400, "Bad form", "<p>Choose what the customer does.</p>");
            return;
        }
        // The code select is sent whatever the choice; it matters only for a liveness failure.
        Long code = null;
        if (outcome.get() == FlowOutcome.LIVENESS_FAILED) {
            code = Exchanges.longField(form.get("code"));
            if (code == null && form.get("code") != null) {
                html(ex, 400, "Bad form", "<p>The code must be a number.</p>");
                return;
            }
        }
        if (refused(ex, flow.complete(s, outcome.get(), code))) {
            return;
        }
        afterCompletion(ex, s);
    }

    private void afterCompletion(HttpExchange ex, WebFlow.Session s) throws IOException {
        if (s.outcome == FlowOutcome.PASSED && s.request.autoSkip()) {
            Exchanges.redirect(ex, s.redirectTarget());
        } else {
            Exchanges.redirect(ex, base(s) + "/result");
        }
    }

    private void resultPage(HttpExchange ex, WebFlow.Session s) throws IOException {
        if (s.state != WebFlow.State.COMPLETED) {
            Exchanges.redirect(ex, base(s) + "/");
            return;
        }
        html(ex, 200, s.outcome == FlowOutcome.PASSED ? "Verification passed" : "Verification not passed",
                "<p>Outcome: " + s.outcome.formValue() + " (code " + s.code + ": "
                        + escape(FlowResultJson.message(s.code)) + ").</p>"
                        + "<form method=\"post\" action=\"" + base(s) + "/next\">"
                        + "<button type=\"submit\">Next</button></form>");
    }

    private void next(HttpExchange ex, WebFlow.Session s) throws IOException {
        if (s.state != WebFlow.State.COMPLETED) {
            Exchanges.redirect(ex, base(s) + "/");
            return;
        }
        Exchanges.redirect(ex, s.redirectTarget());
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private static String base(WebFlow.Session s) {
        return PREFIX + s.token;
    }

    private static boolean refused(HttpExchange ex, Optional<WebFlow.Refusal> refusal) throws IOException {
        if (refusal.isEmpty()) {
            return false;
        }
        html(ex, refusal.get().status(), "Not available", "<p>" + escape(refusal.get().message()) + "</p>");
        return true;
    }

    private static void html(HttpExchange ex, int status, String title, String body) throws IOException {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + " - FaceID emulator</title></head>\n<body><h1>" + escape(title) + "</h1>\n" + body
                + "\n<p><small>FaceID emulator on 127.0.0.1: synthetic data only.</small></p></body></html>\n";
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        Exchanges.send(ex, status, "text/html; charset=utf-8", ResponseBody.of(page));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
