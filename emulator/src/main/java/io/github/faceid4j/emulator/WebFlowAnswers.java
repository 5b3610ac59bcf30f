package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

/**
 * The two API actions where they meet the hosted web flow: {@code ApplyWebVerificationBizTokenIntl} starts a
 * verification ({@link WebFlow#issue}) and answers its BizToken and the pages' URL on this emulator, unless a test
 * scripted the answer; {@code GetWebVerificationResultIntl} for a BizToken so issued answers as far as the customer
 * has come. Every request is recorded before it is answered.
 */
final class WebFlowAnswers {

    private final WebFlow flow;
    private final Scripts scripts;
    private final RequestLog log;
    private final AnswerWriter answers;
    /** The emulator's base URI, known once it is bound. */
    private final Supplier<URI> endpoint;

    WebFlowAnswers(WebFlow flow, Scripts scripts, RequestLog log, AnswerWriter answers, Supplier<URI> endpoint) {
        this.flow = flow;
        this.scripts = scripts;
        this.log = log;
        this.answers = answers;
        this.endpoint = endpoint;
    }

    /** Apply: a checked body gets a BizToken and the hosted pages' URL on this emulator. */
    void apply(HttpExchange ex, RecordedRequest r, ApplyRequest.Parsed parsed) throws IOException {
        if (!parsed.ok()) {
            error(ex, r.with(null, parsed.code(), "error"), parsed.message());
            return;
        }
        Scenario scripted = scripts.nextApply();
        if (scripted != null && scripted.kind != Scenario.Kind.RESULT) {
            log.record(r.with(null, AnswerWriter.errorCodeOf(scripted), scripted.description()));
            answers.scenario(ex, scripted);
            return;
        }
        WebFlow.Session session = flow.issue(parsed.request());
        log.record(r.with(session.token, null, "apply"));
        ResponseBody.Builder body = new ResponseBody.Builder();
        String url = verificationUrl(session.token).toString();
        new JsonWriter(body).beginObject().name("Response").beginObject().field("BizToken", session.token)
                .field("VerificationURL", url).field("VerificationUrl", url)
                .field("RequestId", AnswerWriter.requestId()).endObject().endObject();
        answers.json(ex, body.build());
    }

    /** GetWebVerificationResultIntl for a token this emulator issued: as far as the customer has come. */
    void result(HttpExchange ex, RecordedRequest r, WebFlow.Session session) throws IOException {
        WebFlow.ResultView view = flow.result(session);
        if (view.apiExpired()) {
            error(ex, r.with(session.token, "InvalidParameterValue.BizTokenExpired", "error"),
                    "BizToken expired: results can be fetched for 3 days.");
            return;
        }
        log.record(r.with(session.token, null, "web flow: " + (view.outcome() == null ? "code " + view.code()
                : view.outcome().formValue())));
        answers.json(ex, FlowResultJson.result(view, flow.clock(), AnswerWriter.requestId()));
    }

    /** The hosted pages of a verification: {@code <endpoint>/verify/<BizToken>}. */
    URI verificationUrl(String bizToken) {
        return WebFlow.verificationUrl(endpoint.get(), bizToken);
    }

    private void error(HttpExchange ex, RecordedRequest recorded, String message) throws IOException {
        log.record(recorded);
        answers.apiError(ex, recorded.errorCode(), message);
    }
}
