package io.github.faceid4j.cli;

import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationDetail;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.card.CardInfo;
import io.github.faceid4j.model.card.NormalCardInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    /** Every card type, every field filled with a distinct text: none of them survives masking. */
    @Test
    void masksEveryTextOfEveryCardType() throws Exception {
        List<String> originals = new ArrayList<>();
        CardInfo cardInfo = filled(CardInfo.class, originals);
        NormalCardInfo normal = filled(NormalCardInfo.class, originals);
        Media head = Media.ofBytes(new byte[] {1, 2, 3});
        OcrResult ocr = new OcrResult(true, null, cardInfo, normal, "ocr-request-id", null, null, List.of(9102L),
                "{\"Name\":\"ORIGINAL\"}", head, null);
        VerificationDetail detail = new VerificationDetail(0L, "Success", 0L, "Success", 0L, "Success", 1L, 92.5f,
                "seq-1", List.of("02"));
        VerificationResult result = new VerificationResult(0L, "Success", List.of(detail), null, null, List.of(ocr),
                "my-extra", "request-id");

        VerificationResult masked = Masking.mask(result);

        List<String> remaining = new ArrayList<>();
        collectStrings(masked.ocrResult().get(0).cardInfo(), remaining);
        collectStrings(masked.ocrResult().get(0).normalCardInfo(), remaining);
        assertThat(originals).hasSizeGreaterThan(250);
        assertThat(remaining).hasSameSizeAs(originals).containsOnly("***");
        assertThat(masked.extra()).isEqualTo("***");
        assertThat(masked.ocrResult().get(0).originalCardInfo()).isEqualTo("***");
        // kept: codes, messages, IDs, media (by identity), warnings
        assertThat(masked.errorCode()).isZero();
        assertThat(masked.requestId()).isEqualTo("request-id");
        assertThat(masked.verificationDetailList()).containsExactly(detail);
        assertThat(masked.ocrResult().get(0).requestId()).isEqualTo("ocr-request-id");
        assertThat(masked.ocrResult().get(0).headImageBase64()).isSameAs(head);
        assertThat(masked.ocrResult().get(0).warnCardInfos()).containsExactly(9102L);
        assertThat(masked.ocrResult().get(0).isPass()).isTrue();
        // the original is untouched
        assertThat(result.extra()).isEqualTo("my-extra");
    }

    @Test
    void nullsStayNull() {
        VerificationResult empty = new VerificationResult(17L, null, null, null, null, null, null, null);
        assertThat(Masking.mask(empty)).isEqualTo(empty);
        assertThat(Masking.mask((VerificationResult) null)).isNull();
        OcrResult ocr = new OcrResult(null, null, null, null, null, null, null, null, null, null, null);
        assertThat(Masking.mask(ocr)).isEqualTo(ocr);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> T filled(Class<T> type, List<String> originals) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            if (types[i] == String.class) {
                String value = "PII-" + type.getSimpleName() + "-" + components[i].getName() + "-"
                        + SERIAL.incrementAndGet();
                originals.add(value);
                values[i] = value;
            } else if (types[i].isRecord()) {
                values[i] = filled((Class<? extends Record>) types[i], originals);
            } else {
                throw new AssertionError("unexpected component type " + types[i] + " in " + type);
            }
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static void collectStrings(Record record, List<String> into) throws Exception {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value = c.getAccessor().invoke(record);
            if (value instanceof String s) {
                into.add(s);
            } else if (value instanceof Record r) {
                collectStrings(r, into);
            }
        }
    }
}
