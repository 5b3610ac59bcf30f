package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.WireNames;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationDetail;
import io.github.faceid4j.model.VerificationResult;

import java.util.List;

/**
 * What the JSON looks like around the model: the {@code Response} envelope, which holds either an {@code Error} or
 * the result's fields. Nested types are the model's own records, named through {@link WireNames}.
 */
final class Wire {

    private Wire() {
    }

    public record Envelope(Payload response) {
    }

    public record Payload(
            ApiError error,
            Long errorCode,
            String errorMsg,
            List<VerificationDetail> verificationDetailList,
            Media videoBase64,
            Media bestFrameBase64,
            List<OcrResult> ocrResult,
            String extra,
            String requestId) {

        VerificationResult toResult() {
            return new VerificationResult(errorCode, errorMsg, verificationDetailList, videoBase64, bestFrameBase64,
                    ocrResult, extra, requestId);
        }
    }

    public record ApiError(String code, String message) {
    }

    /** The request body; its one member is named through {@link WireNames} like everything else. */
    public record Request(String bizToken) {
    }

    // ------------------------------------------------------------------ ApplyWebVerificationBizTokenIntl

    /** Apply's request without its compare image, which {@link ApplyCodec} streams in after these members. */
    public record ApplyRequest(String redirectURL, String extra, String ruleId, ApplyConfig config) {
    }

    /** {@code WebVerificationConfigIntl}: numbers as the service's Long, lists as its comma-separated strings. */
    public record ApplyConfig(Boolean autoSkipStartPage, Boolean autoSkip, Long checkMode, String idCardType,
                              Boolean disableCheckOcrWarnings, Long securityLevel, Boolean skipPrivacyPolicy,
                              Boolean idCardCutReturn, String themeColor, String language, Long autoDowngrade,
                              String actionList, Long livenessRetryLimit, Long livenessTimeout,
                              String selectedWarningCodes, Boolean allowExpiredDocument, String version) {
    }

    public record ApplyEnvelope(ApplyPayload response) {
    }

    /** {@code VerificationUrl} is a deprecated duplicate of {@code VerificationURL}, read when the other is missing. */
    public record ApplyPayload(ApiError error, String bizToken, String verificationURL, String verificationUrl,
                               String requestId) {
    }
}
