package io.github.faceid4j.cdi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigKeysTest {

    @ParameterizedTest
    @CsvSource({"5s, PT5S", "500ms, PT0.5S", "2m, PT2M", "1h, PT1H", "PT5S, PT5S", "pt1m30s, PT1M30S", "-5s, PT-5S",
            "0s, PT0S", "10 ms, PT0.01S", "10S, PT10S"})
    void parsesDurations(String text, String iso) {
        assertThat(Values.duration(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "5 seconds", "five", "5sec", "P", "1.5s", "99999999999999999999s"})
    void rejectsOtherDurations(String text) {
        assertThatThrownBy(() -> Values.duration(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text).hasMessageContaining("PT5S");
    }

    @Test
    void parsesBooleansStrictly() {
        assertThat(Values.bool("TRUE")).isTrue();
        assertThat(Values.bool("off")).isFalse();
        assertThatThrownBy(() -> Values.bool("ture")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configMdDocumentsEveryKey() throws Exception {
        String doc = Files.readString(Path.of("../docs/configuration.md"));
        for (String suffix : ConfigKeys.suffixes()) {
            assertThat(doc).contains("`" + ConfigKeys.key(null, suffix) + "`");
        }
        for (ConfigKeys.Setting<?> setting : ConfigKeys.SETTINGS) {
            assertThat(doc).contains("`" + setting.builderProperty() + "`");
        }
        assertThat(doc).contains("`" + ConfigKeys.ENABLED + "`", ConfigKeys.ENV_SECRET_ID, ConfigKeys.ENV_SECRET_KEY,
                ConfigKeys.ENV_SESSION_TOKEN);
        for (String suffix : ConfigKeys.suffixes()) { // and the environment form beside each key
            assertThat(doc).contains("`" + ConfigKeys.environmentForm(ConfigKeys.key(null, suffix)) + "`");
        }
    }

    @Test
    void clientNames() {
        assertThat(ConfigKeys.validName("payouts-eu_2")).isTrue();
        assertThat(ConfigKeys.validName("a.b")).isFalse();
        assertThat(ConfigKeys.validName("")).isFalse();
    }
}
