package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationOutcome;
import io.github.faceid4j.model.VerificationResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/portal/verifications}: the operator's page (behind the staff login in a real portal) that learns,
 * on the server side, how every started verification ended, including those whose customer never came back to the
 * return page. Each call asks the service about the verifications not concluded yet (a portal would run the same
 * as a scheduled job; results stay available for 3 days); tokens are shown masked.
 */
@Path("portal/verifications")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class ReconciliationPage {

    @Inject
    VerificationResultService results;

    @Inject
    StartedVerifications started;

    @GET
    public Response reconcile() {
        StringBuilder rows = new StringBuilder();
        for (StartedVerifications.Started s : started.all()) {
            if (!s.concluded()) {
                reconcile(s);
            }
            rows.append("<tr data-customer=\"").append(Html.escape(s.customer)).append("\"><td>")
                    .append(Html.escape(s.customer)).append("</td><td>").append(Html.escape(s.maskedToken()))
                    .append("</td><td>").append(Html.escape(s.startedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))).append("</td><td class=\"state\">")
                    .append(Html.escape(s.state())).append("</td></tr>\n");
        }
        String body = "<table id=\"verifications\"><tr><th>Customer</th><th>BizToken</th><th>Started</th>"
                + "<th>State</th></tr>\n" + rows + "</table>";
        return Response.ok(Html.page("Started verifications", body)).cacheControl(PortalPages.noStore()).build();
    }

    private void reconcile(StartedVerifications.Started s) {
        try {
            VerificationResult result = results.getResult(s.bizToken);
            boolean expired = result.outcome().map(o -> o.code() == VerificationOutcome.TOKEN_EXPIRED.code())
                    .orElse(false);
            s.learned(expired ? "expired unused" : describe(result), result.finished() || expired);
        } catch (BizTokenExpiredException e) {
            s.learned("expired (results are kept 3 days)", true);
        } catch (BizTokenIllegalException e) {
            s.learned("unknown to the service", true);
        } catch (FaceIdException e) {
            // not concluded: the next run asks again
            s.learned("unknown, the service did not answer (" + e.getClass().getSimpleName() + ")", false);
        }
    }

    /** The state in words: "passed: ...", "not passed: ...", "in progress". */
    static String describe(VerificationResult result) {
        if (!result.finished()) {
            return "in progress";
        }
        String words = result.outcome().map(VerificationOutcome::description).orElse("no result code");
        return (result.passed() ? "passed: " : "not passed: ") + words;
    }
}
