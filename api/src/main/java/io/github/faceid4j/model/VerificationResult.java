package io.github.faceid4j.model;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a web verification, as {@code GetWebVerificationResultIntl} returns it. Immutable.
 *
 * <p>Every member may be {@code null}: the service leaves out what it could not obtain. Lists are unmodifiable.
 * The record's accessors give the real values; {@link #toString()} masks personal data and prints media by size.
 *
 * @param errorCode              final result; {@code 0} means the person is the one in the photo (JSON {@code ErrorCode}),
 *                               see {@link #outcome()}
 * @param errorMsg               description of the final result (JSON {@code ErrorMsg})
 * @param verificationDetailList every attempt the customer made (JSON {@code VerificationDetailList})
 * @param videoBase64            video of the last attempt (JSON {@code VideoBase64})
 * @param bestFrameBase64        best face frame of the last attempt (JSON {@code BestFrameBase64})
 * @param ocrResult              identity-document recognition (JSON {@code OCRResult})
 * @param extra                  the pass-through text the application gave when it applied for the token (JSON {@code Extra})
 * @param requestId              the service's request ID, needed to locate a problem with Tencent (JSON {@code RequestId})
 */
public record VerificationResult(
        Long errorCode,
        String errorMsg,
        List<VerificationDetail> verificationDetailList,
        Media videoBase64,
        Media bestFrameBase64,
        List<OcrResult> ocrResult,
        String extra,
        String requestId) {

    /**
     * Copies the lists, so the result cannot change under its reader.
     *
     * @param errorCode final result; {@code 0} means the person is the one in the photo (JSON {@code ErrorCode}), see {@link #outcome()}
     * @param errorMsg description of the final result (JSON {@code ErrorMsg})
     * @param verificationDetailList every attempt the customer made (JSON {@code VerificationDetailList})
     * @param videoBase64 video of the last attempt (JSON {@code VideoBase64})
     * @param bestFrameBase64 best face frame of the last attempt (JSON {@code BestFrameBase64})
     * @param ocrResult identity-document recognition (JSON {@code OCRResult})
     * @param extra the pass-through text the application gave when it applied for the token (JSON {@code Extra})
     * @param requestId the service's request ID, needed to locate a problem with Tencent (JSON {@code RequestId})
     */
    public VerificationResult {
        verificationDetailList = Lists.immutable(verificationDetailList);
        ocrResult = Lists.immutable(ocrResult);
    }

    /** {@return the final code as an outcome with its meaning; empty when the service sent no code} */
    public Optional<VerificationOutcome> outcome() {
        return Optional.ofNullable(errorCode).map(VerificationOutcome::of);
    }

    /**
     * {@code true} only when the final code is 0: liveness passed and the face matched.
     *
     * @return {@code true} only when the final code is 0
     */
    public boolean passed() {
        return errorCode != null && errorCode == 0;
    }

    /**
     * {@code false} while the customer has not completed the flow (code 17) or no code was sent.
     *
     * @return {@code false} while the flow is not completed
     */
    public boolean finished() {
        return errorCode != null && errorCode != VerificationOutcome.NOT_FINISHED.code();
    }

    /** {@return the attempts, never {@code null}} */
    public List<VerificationDetail> attempts() {
        return verificationDetailList == null ? List.of() : verificationDetailList;
    }

    /**
     * {@return the video of the last attempt; empty while the customer has not finished (code 17) or when the
     * service sent none}. The safe way to {@link #videoBase64()}, which is then {@code null}.
     */
    public Optional<Media> video() {
        return Optional.ofNullable(videoBase64);
    }

    /** {@return the best face frame of the last attempt; empty when there is none (see {@link #video()})} */
    public Optional<Media> bestFrame() {
        return Optional.ofNullable(bestFrameBase64);
    }

    /** {@return the identity-document results, never {@code null}: empty when no document was read} */
    public List<OcrResult> ocrResults() {
        return ocrResult == null ? List.of() : ocrResult;
    }

    /** {@return the pass-through text given when the token was applied for, empty when none; personal data} */
    public Optional<String> extraText() {
        return Optional.ofNullable(extra);
    }

    /** Personal data ({@code Extra}, OCR fields) masked; media shown by size only. */
    @Override
    public String toString() {
        return "VerificationResult[errorCode=" + outcome().map(VerificationOutcome::toString).orElse(null)
                + ", errorMsg=" + errorMsg
                + ", verificationDetailList=" + verificationDetailList
                + ", videoBase64=" + videoBase64
                + ", bestFrameBase64=" + bestFrameBase64
                + ", ocrResult=" + ocrResult
                + ", extra=" + Masking.mask(extra)
                + ", requestId=" + requestId + ']';
    }
}
