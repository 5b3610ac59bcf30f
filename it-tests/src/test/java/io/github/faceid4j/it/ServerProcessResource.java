package io.github.faceid4j.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Added to the portal's WAR by the tests only: the server says which process it is, so a test looks at exactly that
 * process (its {@code /proc} entry) rather than at any process whose command line looks like a server's.
 */
@Path("test/server-process")
public class ServerProcessResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String pid() {
        return "{\"pid\":" + ProcessHandle.current().pid() + "}";
    }
}
