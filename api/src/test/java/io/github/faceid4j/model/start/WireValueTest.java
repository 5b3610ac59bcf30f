package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Documented values are the constants; a value newer than the library is kept as given. */
class WireValueTest {

    @Test
    void documentedValuesAreTheConstants() {
        assertThat(CheckMode.of(1)).isSameAs(CheckMode.OCR_LIVENESS_AND_COMPARE);
        assertThat(CheckMode.knownValues()).extracting(CheckMode::value).containsExactly(1L, 2L, 3L, 4L);
        assertThat(SecurityLevel.knownValues()).extracting(SecurityLevel::value).containsExactly(1L, 2L, 3L, 4L);
        assertThat(AutoDowngrade.knownValues()).extracting(AutoDowngrade::value).containsExactly(1L, 2L);
        assertThat(Language.knownValues()).extracting(Language::value)
                .containsExactly("th", "en", "zh-cn", "zh-tc", "id");
        assertThat(LivenessAction.knownValues()).extracting(LivenessAction::value)
                .containsExactly("blink", "mouth", "nod", "shake");
        assertThat(Edition.knownValues()).extracting(Edition::value).containsExactly("BASIC", "PLUS");
        assertThat(IdCardType.knownValues()).hasSize(12).contains(IdCardType.of("PhilippinesSSSID"));
        assertThat(IdCardType.of("HKIDCard")).isSameAs(IdCardType.HK_ID_CARD);
        assertThat(Language.of("en").isKnown()).isTrue();
    }

    @Test
    void newerValuesAreKept() {
        CheckMode five = CheckMode.of(5);
        assertThat(five.isKnown()).isFalse();
        assertThat(five.value()).isEqualTo(5);
        assertThat(five).isEqualTo(CheckMode.of(5)).isNotEqualTo(SecurityLevel.of(5));
        assertThat(five.includesOcr()).isFalse();
        assertThat(five.toString()).isEqualTo("5 (unknown)");
        IdCardType vietnam = IdCardType.of("VietnamIDCard");
        assertThat(vietnam.isKnown()).isFalse();
        assertThat(vietnam.value()).isEqualTo("VietnamIDCard");
        assertThat(Language.of("ms")).isEqualTo(Language.of("ms"));
        assertThat(Edition.of("ULTRA").isKnown()).isFalse();
        assertThat(CheckMode.OCR_ONLY.includesOcr()).isTrue();
        assertThat(CheckMode.LIVENESS_AND_COMPARE.includesOcr()).isFalse();
    }

    @Test
    void nonsenseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> CheckMode.of(0)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("Config.CheckMode"));
        assertThatThrownBy(() -> Language.of(" en")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("Config.Language"));
        assertThatThrownBy(() -> IdCardType.of("")).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("Config.IDCardType"));
        assertThatThrownBy(() -> Edition.of(null)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo("Config.Version"));
    }
}
