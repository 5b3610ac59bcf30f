package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.cdi.BizTokenRefusedException;
import io.github.faceid4j.cdi.SessionBizToken;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationOutcome;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.card.CardInfo;
import io.github.faceid4j.model.card.MLIDCard;
import io.github.faceid4j.model.start.CheckMode;
import io.github.faceid4j.model.start.Language;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationConfig;
import io.github.faceid4j.model.start.WebVerificationRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The customer's side of the portal, as plain HTML pages:
 * <ol>
 *   <li>{@code GET /api/portal}: "Verify my identity";</li>
 *   <li>{@code POST /api/portal/start}: starts a verification whose {@code RedirectURL} is the return page, binds its
 *       BizToken to the session ({@link SessionBizToken}) and sends the browser to the {@code VerificationURL};</li>
 *   <li>{@code GET /api/portal/return?token=...}: accepts the token only if it is this session's, once, then
 *       fetches the result and shows it (outcome in words, attempts, masked document fields, the best frame);</li>
 *   <li>{@code GET /api/portal/check}: asks again for the verification the customer came back with (not finished
 *       yet, service unavailable);</li>
 *   <li>{@code GET /api/portal/frame}: the best frame of the last result, from the session.</li>
 * </ol>
 * The server-side view of every started verification is {@link ReconciliationPage}.
 */
@Path("portal")
@RequestScoped
@Produces(MediaType.TEXT_HTML + ";charset=utf-8")
public class PortalPages {

    private static final Logger LOG = Logger.getLogger(PortalPages.class.getName());

    @Inject
    VerificationStartService starts;

    @Inject
    VerificationResultService results;

    @Inject
    SessionBizToken sessionToken;

    @Inject
    PortalCustomer customer;

    @Inject
    StartedVerifications started;

    @Context
    UriInfo uri;

    @GET
    public Response welcome() {
        return page(200, "Welcome", "<p>Customer number <span id=\"customer\">" + Html.escape(customer.number())
                + "</span>. Before we open your account we need to check that you are the person on your identity"
                + " card.</p>" + Html.button("verify", path("portal/start"), "Verify my identity"));
    }

    @POST
    @Path("start")
    public Response start() {
        // In production the portal's public https address; the client allows plain http to loopback only.
        String returnPage = uri.getBaseUriBuilder().path("portal/return").build().toString();
        StartedVerification verification;
        try {
            verification = starts.start(WebVerificationRequest.builder(returnPage)
                    .config(WebVerificationConfig.builder()
                            .checkMode(CheckMode.OCR_LIVENESS_AND_COMPARE) // the card, then the face against it
                            .language(Language.ENGLISH)
                            .build())
                    .build());
        } catch (FaceIdException e) {
            return unavailable(e);
        }
        customer.starting();
        sessionToken.bind(verification);
        started.add(customer.number(), verification);
        return Response.seeOther(verification.verificationUri()).cacheControl(noStore()).build();
    }

    @GET
    @Path("return")
    public Response customerReturned(@QueryParam("token") String token) {
        String bizToken;
        try {
            bizToken = sessionToken.redeem(token);
        } catch (BizTokenRefusedException e) {
            // never the token itself in the log: only why it was refused
            LOG.log(Level.WARNING, "Refused a returning BizToken for {0}: {1}", new Object[] {customer, e.reason()});
            return refused(e.reason());
        }
        customer.returnedWith(bizToken);
        return show(bizToken);
    }

    @GET
    @Path("check")
    public Response checkAgain() {
        String bizToken = customer.returnedToken();
        if (bizToken == null) {
            return page(404, "No verification to check", "<p>You have no verification in progress.</p>"
                    + startAgain());
        }
        return show(bizToken);
    }

    @GET
    @Path("frame")
    @Produces("image/jpeg")
    public Response frame() {
        byte[] jpeg = customer.bestFrame();
        if (jpeg == null) {
            return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No picture").build();
        }
        return Response.ok(jpeg, "image/jpeg").cacheControl(noStore()).build();
    }

    private Response show(String bizToken) {
        VerificationResult result;
        try {
            result = results.getResult(bizToken);
        } catch (BizTokenExpiredException | BizTokenIllegalException e) {
            learned(bizToken, "expired", true);
            return expired();
        } catch (FaceIdException e) {
            return unavailable(e);
        }
        VerificationOutcome outcome = result.outcome().orElse(null);
        if (outcome != null && outcome.code() == VerificationOutcome.TOKEN_EXPIRED.code()) {
            learned(bizToken, "expired", true);
            return expired();
        }
        if (!result.finished()) {
            return page(202, "Not finished yet", "<p>Your verification is not finished yet. If you have just"
                    + " completed it, wait a moment and check again.</p>"
                    + Html.link("check-again", path("portal/check"), "Check again") + startAgain());
        }
        learned(bizToken, ReconciliationPage.describe(result), true);
        StringBuilder body = new StringBuilder();
        body.append("<dl><dt>Outcome</dt><dd id=\"outcome\">")
                .append(Html.escape(outcome == null ? "No result code was sent" : outcome.description()))
                .append("</dd><dt>Attempts</dt><dd id=\"attempts\">").append(result.attempts().size()).append("</dd>");
        MLIDCard card = mlidCard(result);
        if (card != null) {
            body.append("<dt>Name on the card</dt><dd id=\"card-name\">").append(Html.escape(maskName(card.name())))
                    .append("</dd><dt>Card number</dt><dd id=\"card-number\">")
                    .append(Html.escape(maskNumber(card.id()))).append("</dd>");
        }
        body.append("</dl>");
        Media frame = result.bestFrame().orElse(null);
        if (frame != null) {
            customer.bestFrame(frame.toByteArray());
            body.append("<p><img id=\"best-frame\" src=\"").append(Html.escape(path("portal/frame")))
                    .append("\" alt=\"The best picture of your face from the verification\"></p>");
        }
        if (!result.passed()) {
            body.append(startAgain());
        }
        return page(200, result.passed() ? "Identity verified" : "Identity not verified", body.toString());
    }

    private void learned(String bizToken, String state, boolean concluded) {
        StartedVerifications.Started s = started.find(bizToken);
        if (s != null) {
            s.learned(state, concluded);
        }
    }

    private Response refused(BizTokenRefusedException.Reason reason) {
        String text = switch (reason) {
            case EXPIRED -> "This verification link has expired.";
            case ALREADY_USED -> "This verification link was already used.";
            case NOT_STARTED, WRONG_TOKEN -> "This verification link does not belong to your verification.";
        };
        String more = reason == BizTokenRefusedException.Reason.ALREADY_USED && customer.returnedToken() != null
                ? Html.link("check-again", path("portal/check"), "See the result of your verification") : "";
        return page(403, "This link cannot be used", "<p id=\"refused\">" + Html.escape(text)
                + " Please start the verification again.</p>" + more + startAgain());
    }

    private Response expired() {
        return page(410, "Verification expired", "<p id=\"expired\">Your verification has expired. Please start"
                + " again; it takes a minute.</p>" + startAgain());
    }

    private Response unavailable(FaceIdException e) {
        // the exception's text names no secret and no token (the library's rule); the customer sees none of it
        LOG.log(Level.WARNING, "FaceID unavailable: {0}", e.toString());
        return Response.fromResponse(page(503, "Verification unavailable", "<p id=\"unavailable\">The identity"
                        + " verification service is not available right now. Please try again in a few minutes.</p>"
                        + (customer.returnedToken() != null
                                ? Html.link("check-again", path("portal/check"), "Check again") : "")
                        + startAgain()))
                .header("Retry-After", "60").build();
    }

    private String startAgain() {
        return Html.button("start-again", path("portal/start"), "Start again");
    }

    private String path(String relative) {
        return uri.getBaseUri().getRawPath() + relative;
    }

    private static Response page(int status, String title, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(Html.page(title, body)).cacheControl(noStore()).build();
    }

    static CacheControl noStore() {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return cc;
    }

    private static MLIDCard mlidCard(VerificationResult result) {
        for (OcrResult ocr : result.ocrResults()) {
            CardInfo info = ocr == null ? null : ocr.cardInfo();
            if (info != null && info.mlidCard() != null) {
                return info.mlidCard();
            }
        }
        return null;
    }

    /** "TEST PERSON ALPHA" → "T*** P***** A****": enough for the customer to recognise, not to copy. */
    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "(not read)";
        }
        StringBuilder b = new StringBuilder();
        for (String word : name.trim().split("\\s+")) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.appendCodePoint(word.codePointAt(0)).append("*".repeat(Math.max(1, word.codePointCount(0, word.length()) - 1)));
        }
        return b.toString();
    }

    /** Only the last four characters: "000000-00-0001" → "**********0001". */
    static String maskNumber(String number) {
        if (number == null || number.isBlank()) {
            return "(not read)";
        }
        int keep = Math.min(4, number.length() / 2);
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
}
