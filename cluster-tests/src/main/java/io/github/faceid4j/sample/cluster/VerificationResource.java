package io.github.faceid4j.sample.cluster;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The one page of this portal: a customer's return from the web flow, which fetches the result. The application
 * has no rate-limit code: the cluster-wide limiter comes from configuration ({@code tencentcloud.faceid.rate-limit.*},
 * given to each server as system properties by the tests).
 */
@Path("verification")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class VerificationResource {

    @Inject
    VerificationResultService verifications;

    /** {@code GET /api/verification?token=...}: {@code passed} or {@code failed}; failures via {@link Failures}. */
    @GET
    public String result(@QueryParam("token") String token) {
        VerificationResult result = verifications.getResult(token);
        return result.passed() ? "passed" : "failed";
    }

    /** {@code GET /api/verification/node}: which process answers (the tests wait for it after a start). */
    @GET
    @Path("node")
    public String node() {
        return System.getProperty("faceid.cluster.node", "?") + " " + ProcessHandle.current().pid();
    }
}
