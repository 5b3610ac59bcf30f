package io.github.faceid4j.client.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The masking rules, value by value (the leak scans elsewhere show they are applied). */
class RedactionTest {

    static String excerpt(String body, int max) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Redaction.bodyExcerpt(bytes, bytes.length, max);
    }

    @Test
    void aPrefixShowsFourCharactersOfLongerValuesOnly() {
        assertThat(Redaction.prefix(null)).isNull();
        assertThat(Redaction.prefix("")).isEqualTo("***");
        assertThat(Redaction.prefix("abcd")).isEqualTo("***");
        assertThat(Redaction.prefix("abcde")).isEqualTo("abcd...");
    }

    @Test
    void jsonStringValuesAreMaskedNamesAndOtherValuesKept() {
        assertThat(excerpt("{\"Name\":\"Alice Example\",\"ErrorCode\":0,\"Ok\":true}", 200))
                .isEqualTo("{\"Name\":\"***\",\"ErrorCode\":0,\"Ok\":true}");
        assertThat(excerpt("  [\"Alice\", 1]", 200)).isEqualTo("  [\"***\", 1]");
        assertThat(excerpt("not json: \"Alice\"", 200)).as("only JSON is parsed for strings")
                .isEqualTo("not json: \"Alice\"");
        assertThat(excerpt("", 10)).isEmpty();
        assertThat(Redaction.bodyExcerpt(null, 0, 10)).isEmpty();
    }

    @Test
    void aTruncatedStringIsCutAtItsOpeningQuoteEscapesIncluded() {
        assertThat(excerpt("{\"Name\":\"Alice Exa", 200)).isEqualTo("{\"Name\":\"***");
        assertThat(excerpt("{\"Name\":\"Al\\\"ice", 200)).isEqualTo("{\"Name\":\"***");
        assertThat(excerpt("{\"Name\":\"Al\\\\\",\"Id\":\"12", 200)).isEqualTo("{\"Name\":\"***\",\"Id\":\"***");
    }

    @Test
    void theExcerptIsBoundedAndControlCharactersBlanked() {
        String hundred = "x".repeat(100);
        assertThat(excerpt(hundred, 10)).isEqualTo("x".repeat(10) + "...");
        assertThat(excerpt("x".repeat(10), 10)).as("exactly the bound: nothing cut").isEqualTo("x".repeat(10));
        assertThat(excerpt("a\nb\u0000c\td", 10)).isEqualTo("a b c\td");
        // only about four bytes per character allowed are decoded at all
        assertThat(excerpt("y".repeat(30) + "z".repeat(1000), 5)).isEqualTo("yyyyy...");
    }
}
