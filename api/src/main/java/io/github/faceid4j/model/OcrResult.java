package io.github.faceid4j.model;

import io.github.faceid4j.model.card.CardInfo;
import io.github.faceid4j.model.card.NormalCardInfo;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the identity-document step recognised.
 *
 * @param isPass                 whether the document check passed (JSON {@code IsPass})
 * @param cardImageBase64        front side of the document (JSON {@code CardImageBase64})
 * @param cardInfo               fields read from the document, by card type (JSON {@code CardInfo})
 * @param normalCardInfo         the same in normalised fields, with CheckMode 4 (JSON {@code NormalCardInfo})
 * @param requestId              request ID of the OCR step (JSON {@code RequestId})
 * @param cardCutImageBase64     cropped front side (JSON {@code CardCutImageBase64})
 * @param cardBackCutImageBase64 cropped back side (JSON {@code CardBackCutImageBase64})
 * @param warnCardInfos          warning codes, see {@link #warnings()} (JSON {@code WarnCardInfos})
 * @param originalCardInfo       the service's raw recognition text, personal data (JSON {@code OriginalCardInfo})
 * @param headImageBase64        portrait cut from the document (JSON {@code HeadImageBase64})
 * @param cardBackImageBase64    back side of the document (JSON {@code CardBackImageBase64})
 */
public record OcrResult(
        Boolean isPass,
        Media cardImageBase64,
        CardInfo cardInfo,
        NormalCardInfo normalCardInfo,
        String requestId,
        Media cardCutImageBase64,
        Media cardBackCutImageBase64,
        List<Long> warnCardInfos,
        String originalCardInfo,
        Media headImageBase64,
        Media cardBackImageBase64) {

    /**
     * Copies the lists, so the result cannot change under its reader.
     *
     * @param isPass whether the document check passed (JSON {@code IsPass})
     * @param cardImageBase64 front side of the document (JSON {@code CardImageBase64})
     * @param cardInfo fields read from the document, by card type (JSON {@code CardInfo})
     * @param normalCardInfo the same in normalised fields, with CheckMode 4 (JSON {@code NormalCardInfo})
     * @param requestId request ID of the OCR step (JSON {@code RequestId})
     * @param cardCutImageBase64 cropped front side (JSON {@code CardCutImageBase64})
     * @param cardBackCutImageBase64 cropped back side (JSON {@code CardBackCutImageBase64})
     * @param warnCardInfos warning codes, see {@link #warnings()} (JSON {@code WarnCardInfos})
     * @param originalCardInfo the service's raw recognition text, personal data (JSON {@code OriginalCardInfo})
     * @param headImageBase64 portrait cut from the document (JSON {@code HeadImageBase64})
     * @param cardBackImageBase64 back side of the document (JSON {@code CardBackImageBase64})
     */
    public OcrResult {
        warnCardInfos = Lists.immutable(warnCardInfos);
    }

    /** {@return whether the document check passed; {@code false} when the service did not say} */
    public boolean passed() {
        return Boolean.TRUE.equals(isPass);
    }

    /** {@return the warning codes with their meanings; empty when there are none} */
    public List<OcrWarning> warnings() {
        return warnCardInfos == null ? List.of()
                : warnCardInfos.stream().filter(c -> c != null).map(OcrWarning::new).collect(Collectors.toUnmodifiableList());
    }

    /** Personal data masked; media shown by size only. */
    @Override
    public String toString() {
        return "OcrResult[isPass=" + isPass
                + ", cardInfo=" + cardInfo
                + ", normalCardInfo=" + normalCardInfo
                + ", warnCardInfos=" + warnCardInfos
                + ", originalCardInfo=" + Masking.mask(originalCardInfo)
                + ", requestId=" + requestId
                + ", cardImageBase64=" + cardImageBase64
                + ", cardBackImageBase64=" + cardBackImageBase64
                + ", cardCutImageBase64=" + cardCutImageBase64
                + ", cardBackCutImageBase64=" + cardBackCutImageBase64
                + ", headImageBase64=" + headImageBase64 + ']';
    }
}
