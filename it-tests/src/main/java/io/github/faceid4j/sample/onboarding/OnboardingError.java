package io.github.faceid4j.sample.onboarding;

/**
 * The portal's error body.
 *
 * @param error           the portal's own error code, stable for the front end ({@code token_expired}, ...)
 * @param faceIdErrorCode the FaceID service's error code when the service answered with one, else {@code null}
 * @param requestId       the service's RequestId when there was one
 * @param message         a short text for the customer
 */
public record OnboardingError(String error, String faceIdErrorCode, String requestId, String message) {
}
