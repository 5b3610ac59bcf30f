package io.github.faceid4j.cli;

import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One piece of media in a result, with the label the summary shows and the file name {@code --out} writes it to.
 *
 * @param label    e.g. {@code OCR #1 card front}
 * @param fileName e.g. {@code ocr-1-card-front.jpg}
 * @param media    the media
 */
record MediaItem(String label, String fileName, Media media) {

    /** Every non-null media of a result, in a stable order: video, best frame, then per OCR result. */
    static List<MediaItem> of(VerificationResult result) {
        List<MediaItem> items = new ArrayList<>();
        add(items, "video", "video.mp4", result.videoBase64());
        add(items, "best frame", "best-frame.jpg", result.bestFrameBase64());
        List<OcrResult> ocr = result.ocrResult() == null ? List.of() : result.ocrResult();
        for (int i = 0; i < ocr.size(); i++) {
            OcrResult o = ocr.get(i);
            if (o == null) {
                continue;
            }
            String label = "OCR #" + (i + 1) + " ";
            String file = "ocr-" + (i + 1) + "-";
            add(items, label + "card front", file + "card-front.jpg", o.cardImageBase64());
            add(items, label + "card back", file + "card-back.jpg", o.cardBackImageBase64());
            add(items, label + "card front (cut)", file + "card-front-cut.jpg", o.cardCutImageBase64());
            add(items, label + "card back (cut)", file + "card-back-cut.jpg", o.cardBackCutImageBase64());
            add(items, label + "head", file + "head.jpg", o.headImageBase64());
        }
        return items;
    }

    private static void add(List<MediaItem> items, String label, String fileName, Media media) {
        if (media != null) {
            items.add(new MediaItem(label, fileName, media));
        }
    }
}
