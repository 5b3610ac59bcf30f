package io.github.faceid4j.emulator;

/** API error codes and messages the emulator itself answers (scripts may answer any code). */
final class ErrorCodes {

    static final String RATE_LIMIT_MESSAGE =
            "Your current request rate exceeds the limit of this action. Please try again later.";

    static final String INVALID_ACTION = "InvalidAction";
    static final String NO_SUCH_VERSION = "NoSuchVersion";
    static final String UNSUPPORTED_REGION = "UnsupportedRegion";
    static final String UNSUPPORTED_PROTOCOL = "UnsupportedProtocol";
    static final String MISSING_PARAMETER = "MissingParameter";
    static final String INVALID_PARAMETER = "InvalidParameter";
    static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    static final String UNKNOWN_PARAMETER = "UnknownParameter";
    static final String REQUEST_SIZE_LIMIT_EXCEEDED = "RequestSizeLimitExceeded";
    static final String SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";
    static final String INVALID_AUTHORIZATION = "AuthFailure.InvalidAuthorization";
    static final String SECRET_ID_NOT_FOUND = "AuthFailure.SecretIdNotFound";
    static final String SIGNATURE_FAILURE = "AuthFailure.SignatureFailure";
    static final String TOKEN_FAILURE = "AuthFailure.TokenFailure";
    static final String REQUEST_LIMIT_EXCEEDED = "RequestLimitExceeded";

    private ErrorCodes() {
    }
}
