package io.github.faceid4j.cli;

import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.card.CardInfo;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Makes a copy of a result with the personal data masked: every text of every identity-document record
 * ({@code io.github.faceid4j.model.card}), {@code OriginalCardInfo} and {@code Extra} become {@value #MASK}.
 * Codes, messages, timestamps, request IDs and media are kept (media are never printed, only sized or saved).
 *
 * <p>Card records are rebuilt generically from their components, so a card type added to the model is masked
 * without a change here.
 */
final class Masking {

    static final String MASK = "***";

    private static final String CARD_PACKAGE = CardInfo.class.getPackageName();

    private Masking() {
    }

    static VerificationResult mask(VerificationResult result) {
        if (result == null) {
            return null;
        }
        List<OcrResult> ocr = result.ocrResult() == null ? null
                : result.ocrResult().stream().map(Masking::mask).toList();
        return new VerificationResult(result.errorCode(), result.errorMsg(), result.verificationDetailList(),
                result.videoBase64(), result.bestFrameBase64(), ocr, text(result.extra()), result.requestId());
    }

    static OcrResult mask(OcrResult ocr) {
        if (ocr == null) {
            return null;
        }
        return new OcrResult(ocr.isPass(), ocr.cardImageBase64(), maskRecord(ocr.cardInfo()),
                maskRecord(ocr.normalCardInfo()), ocr.requestId(), ocr.cardCutImageBase64(),
                ocr.cardBackCutImageBase64(), ocr.warnCardInfos(), text(ocr.originalCardInfo()),
                ocr.headImageBase64(), ocr.cardBackImageBase64());
    }

    /** A copy of a record with every String (also in nested card records and lists) masked. */
    static <T extends Record> T maskRecord(T record) {
        if (record == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = maskValue(components[i].getAccessor().invoke(record));
            }
            Constructor<T> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                 | InvocationTargetException e) {
            throw new IllegalStateException("cannot mask " + type.getName(), e);
        }
    }

    private static Object maskValue(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Record r && r.getClass().getPackageName().equals(CARD_PACKAGE)) {
            return maskRecord(r);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Masking::maskValue).toList();
        }
        return value;
    }

    private static String text(String value) {
        return value == null ? null : MASK;
    }
}
