package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.RateLimitExceededException;
import io.github.faceid4j.RateLimitTimeoutException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Maps the library's typed failures to HTTP answers, for synchronous resource methods (as an
 * {@link ExceptionMapper}) and for asynchronous ones ({@link #fromFailure(Throwable)} on a completion stage).
 */
@Provider
public class FaceIdErrors implements ExceptionMapper<FaceIdException> {

    private static final Logger LOG = Logger.getLogger(FaceIdErrors.class.getName());

    @Override
    public Response toResponse(FaceIdException e) {
        return respond(e);
    }

    /** For a stage that completed exceptionally: unwraps {@link CompletionException} and friends first. */
    static Response fromFailure(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof FaceIdException e) {
            return respond(e);
        }
        LOG.log(Level.SEVERE, "Unexpected failure fetching a verification result", cause);
        return error(Response.Status.INTERNAL_SERVER_ERROR, "internal_error", null, null, "Something went wrong.");
    }

    private static Response respond(FaceIdException e) {
        String code = e instanceof FaceIdServiceException s ? s.errorCode() : null;
        String requestId = e instanceof FaceIdServiceException s ? s.requestId() : null;
        if (e instanceof BizTokenExpiredException) {
            return error(Response.Status.GONE, "token_expired", code, requestId,
                    "This verification link has expired; please start the verification again.");
        }
        if (e instanceof BizTokenIllegalException) {
            return error(Response.Status.NOT_FOUND, "unknown_token", code, requestId, "Unknown verification.");
        }
        if (e instanceof InvalidBizTokenException) {
            return error(Response.Status.BAD_REQUEST, "invalid_token", null, null, "Malformed verification token.");
        }
        if (e instanceof RateLimitExceededException || e instanceof RateLimitTimeoutException) {
            return Response.fromResponse(error(Response.Status.SERVICE_UNAVAILABLE, "busy", code, requestId,
                    "Too many verifications at once; please retry in a moment.")).header("Retry-After", "1").build();
        }
        if (e instanceof FaceIdTimeoutException) {
            return error(Response.Status.GATEWAY_TIMEOUT, "faceid_timeout", null, null,
                    "The verification service did not answer in time.");
        }
        // Our own setup is wrong: log it (messages never contain secrets), tell the customer nothing specific.
        if (e instanceof AuthenticationException || e instanceof FaceIdConfigurationException) {
            LOG.log(Level.SEVERE, "FaceID is misconfigured: {0}", e.getMessage());
            return error(Response.Status.INTERNAL_SERVER_ERROR, "faceid_misconfigured", code, requestId,
                    "Verification is temporarily unavailable.");
        }
        if (e instanceof FaceIdTransportException) {
            return error(Response.Status.BAD_GATEWAY, "faceid_unreachable", null, null,
                    "The verification service could not be reached.");
        }
        LOG.log(Level.WARNING, "FaceID call failed: {0}", e.getMessage());
        return error(Response.Status.BAD_GATEWAY, "faceid_error", code, requestId,
                "The verification service failed.");
    }

    private static Response error(Response.Status status, String error, String faceIdCode, String requestId,
                                  String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new OnboardingError(error, faceIdCode, requestId, message))
                .build();
    }
}
