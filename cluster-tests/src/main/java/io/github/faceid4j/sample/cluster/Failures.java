package io.github.faceid4j.sample.cluster;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every typed failure as 503 with its type and the service's error code, so that the load test can tell a call the
 * limiter refused ({@code RateLimitTimeoutException}) from one the service refused ({@code RequestLimitExceeded}).
 */
@Provider
public class Failures implements ExceptionMapper<FaceIdException> {

    @Override
    public Response toResponse(FaceIdException e) {
        String code = e instanceof FaceIdServiceException s ? " " + s.errorCode() : "";
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_PLAIN)
                .entity(e.getClass().getSimpleName() + code).build();
    }
}
