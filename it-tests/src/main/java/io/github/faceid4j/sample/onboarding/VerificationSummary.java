package io.github.faceid4j.sample.onboarding;

import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationDetail;
import io.github.faceid4j.model.VerificationOutcome;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.card.CardInfo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * What the portal answers about a verification: the outcome and a few numbers, never personal data (no names,
 * document numbers, photos, video or the {@code Extra} text).
 *
 * @param outcomeCode    the final {@code ErrorCode} (0 = the person matched the photo), {@code null} if none was sent
 * @param outcome        the documented meaning of that code
 * @param category       the coarse category ({@code SUCCESS}, {@code LIVENESS}, {@code NOT_FINISHED}, ...)
 * @param passed         whether the customer may be trusted
 * @param finished       {@code false} while the customer has not completed the flow
 * @param attempts       how many attempts the customer made
 * @param bestSimilarity the highest face similarity over all attempts, {@code null} when none was measured
 * @param cardType       the kind of identity document recognised (e.g. {@code MLIDCard}), {@code null} if none
 * @param videoBytes     size of the liveness video as archived (decoded through a stream, as a portal would when
 *                       storing it), 0 when none was sent
 * @param client         which configured FaceID client answered ({@code default} or the client name)
 * @param requestId      the service's RequestId, for support
 */
public record VerificationSummary(
        Long outcomeCode,
        String outcome,
        String category,
        boolean passed,
        boolean finished,
        int attempts,
        Float bestSimilarity,
        String cardType,
        long videoBytes,
        String client,
        String requestId) {

    static VerificationSummary of(VerificationResult result, String client) {
        VerificationOutcome outcome = result.outcome().orElse(null);
        Float best = result.attempts().stream()
                .map(VerificationDetail::similarity)
                .filter(Objects::nonNull)
                .max(Float::compare)
                .orElse(null);
        return new VerificationSummary(
                result.errorCode(),
                outcome == null ? "No result code was sent" : outcome.description(),
                outcome == null ? null : outcome.category().name(),
                result.passed(),
                result.finished(),
                result.attempts().size(),
                best,
                cardType(result),
                archiveVideo(result),
                client,
                result.requestId());
    }

    /**
     * Stands for archiving the video (to object storage, say): decodes it a chunk at a time, wherever the service
     * kept it (in memory, or in a spill file for the {@code jakarta} client), and counts the bytes.
     */
    private static long archiveVideo(VerificationResult result) {
        if (result.videoBase64() == null) {
            return 0;
        }
        try {
            return result.videoBase64().writeTo(java.io.OutputStream.nullOutputStream());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The type of the first recognised document, preferring a specific one over {@code GeneralCard}. Only the
     * type's name leaves this method, none of the document's fields.
     */
    private static String cardType(VerificationResult result) {
        String general = null;
        if (result.ocrResult() == null) { // every member of a result may be absent
            return null;
        }
        for (OcrResult ocr : result.ocrResult()) {
            CardInfo info = ocr == null ? null : ocr.cardInfo();
            if (info == null) {
                continue;
            }
            for (RecordComponent component : CardInfo.class.getRecordComponents()) {
                Object card = read(component, info);
                if (card == null) {
                    continue;
                }
                String type = component.getType().getSimpleName();
                if (!type.equals("GeneralCard")) {
                    return type;
                }
                general = type;
            }
        }
        return general;
    }

    private static Object read(RecordComponent component, CardInfo info) {
        try {
            return component.getAccessor().invoke(info);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read " + component.getName(), e);
        }
    }
}
