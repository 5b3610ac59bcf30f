package io.github.faceid4j.emulator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The GetWebVerificationResultIntl answer of a verification started with Apply: shaped by what the customer did
 * ({@link FlowOutcome}), by the check mode (OCR only with modes 1 and 4, liveness in all but 4, comparison in 1 and
 * 2) and by {@code Extra}, which is echoed as the portal gave it.
 */
final class FlowResultJson {

    private static final Map<Long, String> MESSAGES = Map.ofEntries(
            Map.entry(0L, "Success"), Map.entry(15L, "The token has expired."),
            Map.entry(17L, "The verification process is not finished."), Map.entry(202L, "Failed to get the video."),
            Map.entry(1001L, "Liveness engine call failed."), Map.entry(1002L, "Suspected spoofed recording."),
            Map.entry(1003L, "Real-person detection failed."), Map.entry(1004L, "Face detection failed."),
            Map.entry(1005L, "Liveness failed."), Map.entry(1207L, "No eye closing detected."),
            Map.entry(1409L, "The verification timed out."), Map.entry(1410L, "The user exited."),
            Map.entry(2015L, "Face comparison failed."), Map.entry(2016L, "Similarity below the threshold."));

    private FlowResultJson() {
    }

    static String message(long code) {
        return MESSAGES.getOrDefault(code, code >= 2001 ? "Face comparison failed." : "Verification failed.");
    }

    static ResponseBody result(WebFlow.ResultView view, Clock clock, String requestId) {
        ResponseBody.Builder body = new ResponseBody.Builder();
        JsonWriter w = new JsonWriter(body);
        ApplyRequest r = view.session().request;
        long now = clock.millis();
        w.beginObject().name("Response").beginObject();
        w.name("ErrorCode").value(view.code()).field("ErrorMsg", message(view.code()));
        FlowOutcome o = view.outcome();
        boolean captured = o == FlowOutcome.PASSED || o == FlowOutcome.LIVENESS_FAILED
                || o == FlowOutcome.COMPARE_FAILED;
        w.name("VerificationDetailList").beginArray();
        if (captured && r.liveness()) {
            Long liveness = o == FlowOutcome.LIVENESS_FAILED ? view.code() : 0L;
            Long compare = !r.compare() || o == FlowOutcome.LIVENESS_FAILED ? null
                    : o == FlowOutcome.COMPARE_FAILED ? view.code() : 0L;
            Double similarity = compare == null ? null : compare == 0 ? 92.5 : 41.0;
            ResultJson.detail(w, view.code(), message(view.code()), liveness, message(liveness),
                    compare, compare == null ? null : message(compare), now - 5_000, similarity,
                    liveness == 0 ? List.of() : List.of("01"));
        }
        w.endArray();
        SyntheticMedia.Images img = SyntheticMedia.images();
        if (captured && r.liveness()) {
            w.name("VideoBase64").safeStringValue(
                    ResponseBody.bytesPart(SyntheticMedia.videoBase64(SyntheticMedia.DEFAULT_VIDEO_BYTES)));
            w.field("BestFrameBase64", img.bestFrame());
        } else {
            w.name("VideoBase64").nullValue();
            w.name("BestFrameBase64").nullValue();
        }
        w.name("OCRResult");
        if (captured && r.ocr()) {
            // OCR runs first: it passed whatever happened after it.
            boolean malaysian = r.idCardType() == null || r.idCardType().equals("MLIDCard");
            w.beginArray().beginObject()
                    .name("IsPass").value(true)
                    .field("CardImageBase64", img.cardFront())
                    .name("CardInfo").beginObject();
            if (malaysian) {
                ResultJson.mlidCard(w.name("MLIDCard"));
            }
            ResultJson.generalCard(w.name("GeneralCard"), clock);
            w.endObject();
            w.name("NormalCardInfo");
            if (malaysian) {
                w.beginObject();
                ResultJson.mlidCard(w.name("MLIDCard"));
                w.endObject();
            } else {
                w.nullValue();
            }
            w.field("RequestId", UUID.randomUUID().toString())
                    .field("CardCutImageBase64", img.cardFrontCut())
                    .field("CardBackCutImageBase64", img.cardBackCut())
                    .name("WarnCardInfos").beginArray().endArray()
                    .name("OriginalCardInfo").nullValue()
                    .field("HeadImageBase64", img.head())
                    .field("CardBackImageBase64", img.cardBack())
                    .endObject().endArray();
        } else {
            w.nullValue();
        }
        w.field("Extra", r.extra());
        w.field("RequestId", requestId);
        w.endObject().endObject();
        return body.build();
    }
}
