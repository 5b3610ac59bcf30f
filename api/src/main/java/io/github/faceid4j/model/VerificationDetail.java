package io.github.faceid4j.model;

import java.util.List;
import java.util.Optional;

/**
 * One attempt within a web verification: the customer may retry, so a result can hold several.
 *
 * @param errorCode       final code of this attempt; {@code 0} is success (JSON {@code ErrorCode})
 * @param errorMsg        description of that code (JSON {@code ErrorMsg})
 * @param livenessErrorCode code of the liveness step; {@code 0} is success (JSON {@code LivenessErrorCode})
 * @param livenessErrorMsg  description of the liveness code (JSON {@code LivenessErrorMsg})
 * @param compareErrorCode  code of the face comparison; {@code 0} means the same person (JSON {@code CompareErrorCode})
 * @param compareErrorMsg   description of the comparison code (JSON {@code CompareErrorMsg})
 * @param reqTimestamp    when the attempt ran, epoch milliseconds (JSON {@code ReqTimestamp})
 * @param similarity      similarity of the best frame to the reference photo, 0 to 100 (JSON {@code Similarity})
 * @param seq             unique ID of this attempt (JSON {@code Seq})
 * @param livenessInfoTag detailed reasons a liveness check rejected the attempt (JSON {@code LivenessInfoTag})
 */
public record VerificationDetail(
        Long errorCode,
        String errorMsg,
        Long livenessErrorCode,
        String livenessErrorMsg,
        Long compareErrorCode,
        String compareErrorMsg,
        Long reqTimestamp,
        Float similarity,
        String seq,
        List<String> livenessInfoTag) {

    /** Similarity at or above which the service reads two faces as the same person. */
    public static final float SAME_PERSON_SIMILARITY = 70f;

    /**
     * Copies the list, so the attempt cannot change under its reader.
     *
     * @param errorCode final code of this attempt; {@code 0} is success (JSON {@code ErrorCode})
     * @param errorMsg description of that code (JSON {@code ErrorMsg})
     * @param livenessErrorCode code of the liveness step; {@code 0} is success (JSON {@code LivenessErrorCode})
     * @param livenessErrorMsg description of the liveness code (JSON {@code LivenessErrorMsg})
     * @param compareErrorCode code of the face comparison; {@code 0} means the same person (JSON {@code CompareErrorCode})
     * @param compareErrorMsg description of the comparison code (JSON {@code CompareErrorMsg})
     * @param reqTimestamp when the attempt ran, epoch milliseconds (JSON {@code ReqTimestamp})
     * @param similarity similarity of the best frame to the reference photo, 0 to 100 (JSON {@code Similarity})
     * @param seq unique ID of this attempt (JSON {@code Seq})
     * @param livenessInfoTag detailed reasons a liveness check rejected the attempt (JSON {@code LivenessInfoTag})
     */
    public VerificationDetail {
        livenessInfoTag = Lists.immutable(livenessInfoTag);
    }

    /** {@return the attempt's final code as an outcome; empty when the service sent none} */
    public Optional<VerificationOutcome> outcome() {
        return Optional.ofNullable(errorCode).map(VerificationOutcome::of);
    }

    /** {@return the liveness code as an outcome; empty when the service sent none} */
    public Optional<VerificationOutcome> livenessOutcome() {
        return Optional.ofNullable(livenessErrorCode).map(VerificationOutcome::of);
    }

    /** {@return the comparison code as an outcome; empty when the service sent none} */
    public Optional<VerificationOutcome> compareOutcome() {
        return Optional.ofNullable(compareErrorCode).map(VerificationOutcome::of);
    }

    /** {@return whether the similarity reaches {@value #SAME_PERSON_SIMILARITY}; {@code false} when it is absent} */
    public boolean samePerson() {
        return similarity != null && similarity >= SAME_PERSON_SIMILARITY;
    }
}
