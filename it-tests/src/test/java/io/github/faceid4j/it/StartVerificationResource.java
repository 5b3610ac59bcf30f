package io.github.faceid4j.it;

import io.github.faceid4j.VerificationStartService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Added to the portal's WAR by {@link TelemetryIT} only (until the portal starts verifications itself): starts one
 * through the injected {@link VerificationStartService}, as a portal does before sending the customer to FaceID's
 * pages, and answers the new BizToken (the test needs it whole for its leak scan; a portal would redirect instead).
 */
@Path("test/start-verification")
@RequestScoped
public class StartVerificationResource {

    @Inject
    VerificationStartService starts;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String start() {
        return starts.start(io.github.faceid4j.model.start.WebVerificationRequest
                .builder("https://portal.example.com/verified").build()).bizToken();
    }
}
