package io.github.faceid4j.model;

import io.github.faceid4j.model.card.Address;
import io.github.faceid4j.model.card.CardInfo;
import io.github.faceid4j.model.card.GeneralCard;
import io.github.faceid4j.model.card.MLIDCard;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelTest {

    static final String NAME = "SYNTHETIC PERSON";
    static final String ID = "000000-00-0042";
    static final String STREET = "1 Example Street";

    /** Issue 19: the obvious code ({@code result.videoBase64().writeTo(...)}) crashed on an unfinished verification. */
    @Test
    void optionalMembersHaveAccessorsThatCannotBeNull() {
        VerificationResult unfinished = new VerificationResult(17L, "not finished", null, null, null, null, null, "r-1");
        assertThat(unfinished.video()).isEmpty();
        assertThat(unfinished.bestFrame()).isEmpty();
        assertThat(unfinished.ocrResults()).isEmpty();
        assertThat(unfinished.extraText()).isEmpty();
        assertThat(unfinished.attempts()).isEmpty();

        Media video = Media.ofBase64("AAAA");
        OcrResult ocr = new OcrResult(true, null, null, null, null, null, null, null, null, null, null);
        VerificationResult done = new VerificationResult(0L, "ok", List.of(), video, video, List.of(ocr), "x", "r-2");
        assertThat(done.video()).containsSame(video);
        assertThat(done.bestFrame()).containsSame(video);
        assertThat(done.ocrResults()).containsExactly(ocr);
        assertThat(done.extraText()).contains("x");
    }

    @Test
    void outcomeKnowsDocumentedCodesAndKeepsUnknownOnes() {
        assertThat(VerificationOutcome.of(0).passed()).isTrue();
        assertThat(VerificationOutcome.of(0).category()).isEqualTo(VerificationOutcome.Category.SUCCESS);
        assertThat(VerificationOutcome.of(17).category()).isEqualTo(VerificationOutcome.Category.NOT_FINISHED);
        assertThat(VerificationOutcome.of(1005).description()).isEqualTo("Liveness failed");
        assertThat(VerificationOutcome.of(1005).category()).isEqualTo(VerificationOutcome.Category.LIVENESS);
        assertThat(VerificationOutcome.of(2016).category()).isEqualTo(VerificationOutcome.Category.COMPARISON);
        assertThat(VerificationOutcome.of(1410).category()).isEqualTo(VerificationOutcome.Category.ABANDONED);
        assertThat(VerificationOutcome.of(15).category()).isEqualTo(VerificationOutcome.Category.REQUEST);
        assertThat(VerificationOutcome.of(9).category()).isEqualTo(VerificationOutcome.Category.SERVICE);
        VerificationOutcome unknown = VerificationOutcome.of(7777);
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.code()).isEqualTo(7777);
        assertThat(unknown.description()).contains("7777");
        assertThat(unknown.category()).isEqualTo(VerificationOutcome.Category.UNKNOWN);
    }

    @Test
    void resultReportsPassedFinishedAndKeepsNulls() {
        VerificationResult empty = new VerificationResult(null, null, null, null, null, null, null, null);
        assertThat(empty.passed()).isFalse();
        assertThat(empty.finished()).isFalse();
        assertThat(empty.outcome()).isEmpty();
        assertThat(empty.attempts()).isEmpty();
        assertThat(empty.verificationDetailList()).isNull();

        VerificationResult passed = new VerificationResult(0L, "Success", List.of(), null, null, null, null, "r");
        assertThat(passed.passed()).isTrue();
        assertThat(passed.finished()).isTrue();
        assertThat(new VerificationResult(17L, null, null, null, null, null, null, null).finished()).isFalse();
    }

    @Test
    void listsAreImmutableCopiesThatKeepNullElements() {
        List<Long> warnings = new ArrayList<>(Arrays.asList(9102L, null, 9999L));
        OcrResult ocr = new OcrResult(true, null, null, null, null, null, null, warnings, null, null, null);
        warnings.clear();
        assertThat(ocr.warnCardInfos()).containsExactly(9102L, null, 9999L);
        assertThatThrownBy(() -> ocr.warnCardInfos().add(1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(ocr.warnings()).extracting(OcrWarning::description)
                .containsExactly("Photocopy", "Unknown OCR warning 9999");
    }

    @Test
    void toStringMasksPersonalDataAndMedia() {
        MLIDCard card = new MLIDCard(NAME, ID, "M", STREET, "MyKad", "1990-01-01");
        GeneralCard general = new GeneralCard(ID, null, "P<SYN<<PERSON", null, null, null, null, null, "MYS", NAME,
                null, null, null, null, null, null, null, null,
                new Address("MYS", "00000", null, "Test City", STREET, null, null, null, null, null), null, null, null);
        CardInfo info = new CardInfo(null, card, null, null, null, null, null, null, null, general, null, null, null,
                null, null, null, null, null, null, null, null);
        Media frame = Media.ofBytes(new byte[]{1, 2, 3});
        OcrResult ocr = new OcrResult(true, frame, info, null, "ocr-req", null, null, List.of(9102L),
                "{\"name\":\"" + NAME + "\"}", null, null);
        VerificationResult result = new VerificationResult(0L, "Success",
                List.of(new VerificationDetail(0L, "ok", 0L, "ok", 0L, "ok", 1L, 91.5f, "seq-1", List.of())),
                frame, frame, List.of(ocr), "customer " + NAME, "req-1");

        String text = result.toString();
        assertThat(text).doesNotContain(NAME, ID, STREET, "1990-01-01", "P<SYN", frame.toBase64(), "customer")
                .contains("Media[3 bytes]", "req-1", "91.5", "mlidCard=MLIDCard[name=***", "address=Address[")
                .contains("extra=***", "originalCardInfo=***");
        assertThat(card.name()).isEqualTo(NAME);
    }
}
