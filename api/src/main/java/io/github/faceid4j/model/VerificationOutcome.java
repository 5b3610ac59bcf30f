package io.github.faceid4j.model;

import java.util.Map;

/**
 * The numeric {@code ErrorCode} of a web verification, read as an outcome with its documented meaning.
 * Codes this library does not know are kept as they came, with a generic description.
 *
 * @param code the service's numeric code; {@code 0} means the person is the one in the photo
 */
public record VerificationOutcome(long code) {

    /** 0: the person passed liveness and matched the photo. */
    public static final VerificationOutcome SUCCESS = new VerificationOutcome(0);
    /** 15: the BizToken expired before the verification was finished. */
    public static final VerificationOutcome TOKEN_EXPIRED = new VerificationOutcome(15);
    /** 16: the person used up the allowed number of tries. */
    public static final VerificationOutcome RETRY_LIMIT_REACHED = new VerificationOutcome(16);
    /** 17: the verification is not finished yet. */
    public static final VerificationOutcome NOT_FINISHED = new VerificationOutcome(17);

    /** What a code is about, coarsely: for routing a customer, not for display. */
    public enum Category {
        /** The person passed liveness and matched the photo. */
        SUCCESS,
        /** The customer has not completed the flow yet; asking again later may give a result. */
        NOT_FINISHED,
        /** The request or the token was not usable (parameters, expired token, retries used up). */
        REQUEST,
        /** The service failed internally. */
        SERVICE,
        /** Liveness detection rejected the capture (spoofing, lighting, movement, video problems). */
        LIVENESS,
        /** Face comparison failed or the similarity was too low. */
        COMPARISON,
        /** The customer left or the session timed out. */
        ABANDONED,
        /** A code this library does not know. */
        UNKNOWN
    }

    private static final Map<Long, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(0L, "Success: the person is the same as in the photo"),
            Map.entry(1L, "Invalid parameter"),
            Map.entry(2L, "Incorrect parameter value"),
            Map.entry(3L, "Bad request"),
            Map.entry(4L, "Internal service error"),
            Map.entry(8L, "Internal service error"),
            Map.entry(9L, "Internal service error"),
            Map.entry(10L, "Internal service error"),
            Map.entry(11L, "Internal service error"),
            Map.entry(14L, "Verification already completed"),
            Map.entry(15L, "Token expired"),
            Map.entry(16L, "Retry limit reached"),
            Map.entry(17L, "Verification process not finished"),
            Map.entry(202L, "Failed to get the video"),
            Map.entry(1001L, "Liveness engine call failed"),
            Map.entry(1002L, "Suspected spoofed recording"),
            Map.entry(1003L, "Real-person detection failed"),
            Map.entry(1004L, "Face detection failed"),
            Map.entry(1005L, "Liveness failed"),
            Map.entry(1101L, "No sound"),
            Map.entry(1102L, "Face not fully exposed"),
            Map.entry(1103L, "Voice recognition failed"),
            Map.entry(1104L, "Bad video format"),
            Map.entry(1105L, "Video pull failed"),
            Map.entry(1106L, "Volume too low"),
            Map.entry(1107L, "Video empty or too short"),
            Map.entry(1108L, "Resolution too low"),
            Map.entry(1109L, "Lip movement too small"),
            Map.entry(1201L, "Too dim"),
            Map.entry(1202L, "Too bright"),
            Map.entry(1203L, "Too close"),
            Map.entry(1204L, "Too far right"),
            Map.entry(1205L, "Too far"),
            Map.entry(1206L, "Too far left"),
            Map.entry(1207L, "No eye closing detected"),
            Map.entry(1208L, "First action missing"),
            Map.entry(1209L, "No mouth opening detected"),
            Map.entry(1210L, "Face not complete"),
            Map.entry(1301L, "Real-person detection failed"),
            Map.entry(1302L, "Below the liveness threshold"),
            Map.entry(1303L, "Video shorter than 2 s"),
            Map.entry(1401L, "Reflection liveness failed"),
            Map.entry(1409L, "Verification timed out"),
            Map.entry(1410L, "User exited"),
            Map.entry(2001L, "Compare engine error"),
            Map.entry(2004L, "Image too large or too small"),
            Map.entry(2009L, "Resolution too low"),
            Map.entry(2010L, "Face extraction failed"),
            Map.entry(2011L, "Real-person comparison failed"),
            Map.entry(2012L, "Multiple faces detected"),
            Map.entry(2013L, "Face not complete"),
            Map.entry(2014L, "Resolution too low"),
            Map.entry(2015L, "Comparison failed"),
            Map.entry(2016L, "Similarity below the threshold"));

    /**
     * {@return the outcome for a code}
     *
     * @param code the {@code ErrorCode} the service sent
     */
    public static VerificationOutcome of(long code) {
        return code == 0 ? SUCCESS : new VerificationOutcome(code);
    }

    /** {@return whether the documentation lists this code} */
    public boolean isKnown() {
        return DESCRIPTIONS.containsKey(code);
    }

    /** {@return the documented meaning, or a generic text naming the code when it is unknown} */
    public String description() {
        String known = DESCRIPTIONS.get(code);
        return known != null ? known : "Unknown verification code " + code;
    }

    /**
     * {@code true} only for code 0: the person passed liveness and matched the photo.
     *
     * @return {@code true} only for code 0
     */
    public boolean passed() {
        return code == 0;
    }

    /** {@return the coarse category of this code} */
    public Category category() {
        if (code == 0) {
            return Category.SUCCESS;
        }
        if (code == 17) {
            return Category.NOT_FINISHED;
        }
        if (!isKnown()) {
            return Category.UNKNOWN;
        }
        if (code == 1409 || code == 1410) {
            return Category.ABANDONED;
        }
        if (code >= 2000 && code < 3000) {
            return Category.COMPARISON;
        }
        if (code == 202 || code >= 1000) {
            return Category.LIVENESS;
        }
        if (code == 4 || (code >= 8 && code <= 11)) {
            return Category.SERVICE;
        }
        return Category.REQUEST;
    }

    @Override
    public String toString() {
        return code + " (" + description() + ")";
    }
}
