package io.github.faceid4j.sample.onboarding;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The portal's REST API lives under {@code /api}; resources and providers are discovered by scanning. */
@ApplicationPath("api")
public class OnboardingApplication extends Application {
}
