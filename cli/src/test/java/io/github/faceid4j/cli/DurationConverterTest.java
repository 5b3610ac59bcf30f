package io.github.faceid4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @ParameterizedTest
    @CsvSource({"2s, PT2S", "500ms, PT0.5S", "1m, PT1M", "1h, PT1H", "PT2S, PT2S", "pt1.5s, PT1.5S", "' 10s ', PT10S",
            "0s, PT0S"})
    void reads(String text, String expected) {
        assertThat(converter.convert(text)).isEqualTo(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "s", "2 days", "-1s", "1.5s", "PTx", "soon"})
    void rejects(String text) {
        assertThatThrownBy(() -> converter.convert(text)).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("is not a duration");
    }

    @ParameterizedTest
    @CsvSource({"PT2S, 2s", "PT0.5S, 500ms", "PT1M, 1m", "PT1M30S, 90s", "PT2H, 2h", "PT0S, 0s", "PT0.0000001S, PT0.0000001S"})
    void formatsAsTheUserWritesAndReadsItBack(String iso, String text) {
        assertThat(DurationConverter.format(Duration.parse(iso))).isEqualTo(text);
        if (!text.startsWith("PT")) {
            assertThat(converter.convert(text)).isEqualTo(Duration.parse(iso));
        }
    }

    @Test
    void tokensAreShownByTheirFirstFourCharacters() {
        assertThat(Tokens.mask("passed-demo")).isEqualTo("pass...");
        assertThat(Tokens.mask("abcd")).isEqualTo("***");
        assertThat(Tokens.mask(null)).isEqualTo("-");
    }
}
