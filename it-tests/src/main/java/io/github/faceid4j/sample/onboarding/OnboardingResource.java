package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.cdi.FaceIdClient;
import io.github.faceid4j.model.VerificationResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * Where the customer's browser lands after the FaceID web flow: the redirect URL carries the BizToken, the portal
 * fetches the result and tells the front end what happened.
 */
@Path("onboarding")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OnboardingResource {

    /** The default client: {@code tencentcloud.faceid.*}. */
    @Inject
    VerificationResultService verifications;

    /** Customers onboarded through Indonesia: {@code tencentcloud.faceid.jakarta.*}, falling back to the above. */
    @Inject
    @FaceIdClient("jakarta")
    VerificationResultService jakartaVerifications;

    /** {@code GET /api/onboarding/return?token=...}: blocking call; failures go through {@link FaceIdErrors}. */
    @GET
    @Path("return")
    public Response customerReturned(@QueryParam("token") String token) {
        return answer(verifications.getResult(token), "default");
    }

    /** {@code GET /api/onboarding/id/return?token=...}: the same through the named client. */
    @GET
    @Path("id/return")
    public Response indonesianCustomerReturned(@QueryParam("token") String token) {
        return answer(jakartaVerifications.getResult(token), "jakarta");
    }

    /**
     * {@code GET /api/onboarding/return-async?token=...}: no request thread waits for FaceID; the server writes the
     * answer when the stage completes. Typed failures are mapped here, since they arrive inside the stage.
     */
    @GET
    @Path("return-async")
    public CompletionStage<Response> customerReturnedAsync(@QueryParam("token") String token) {
        return verifications.getResultAsync(token)
                .handle((result, failure) -> failure == null ? answer(result, "default") : FaceIdErrors.fromFailure(failure));
    }

    private static Response answer(VerificationResult result, String client) {
        VerificationSummary summary = VerificationSummary.of(result, client);
        // 202 while the customer is still in the flow: the front end polls again.
        Response.Status status = result.finished() ? Response.Status.OK : Response.Status.ACCEPTED;
        return Response.status(status).entity(summary).build();
    }
}
