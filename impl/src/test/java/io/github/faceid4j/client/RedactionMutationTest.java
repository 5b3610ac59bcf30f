package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the mutants PIT found surviving in the redaction (docs/testing.md): a body cut off right after a string, or
 * after a string and some blanks, is masked like any other (the look for a following ':' must stop at the end).
 */
class RedactionMutationTest {

    @Test
    void aBodyEndingRightAfterAStringOrAfterBlanksIsMasked() {
        assertThat(excerpt("[\"Jane Doe\"")).isEqualTo("[\"***\"");
        assertThat(excerpt("[\"Jane Doe\"  ")).isEqualTo("[\"***\"  ");
        assertThat(excerpt("{\"Name\"")).isEqualTo("{\"***\"");
        assertThat(excerpt("{\"Name\" \t")).isEqualTo("{\"***\" \t");
        assertThat(excerpt("{\"Name\" :\"Jane\"")).isEqualTo("{\"Name\" :\"***\"");
    }

    private static String excerpt(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Redaction.bodyExcerpt(bytes, bytes.length, 100);
    }
}
