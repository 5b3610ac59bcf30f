package io.github.faceid4j.sample.cluster;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The portal's JAX-RS resources live under {@code /api}. */
@ApplicationPath("api")
public class ClusterPortalApplication extends Application {
}
