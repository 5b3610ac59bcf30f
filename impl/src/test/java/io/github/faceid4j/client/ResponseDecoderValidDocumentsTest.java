package io.github.faceid4j.client;

import io.github.faceid4j.model.VerificationResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.github.faceid4j.client.ResponseDecoderFuzzTest.quote;

/** Generated valid documents decode to exactly the values they hold. */
class ResponseDecoderValidDocumentsTest {

    final ResponseDecoder decoder = new ResponseDecoder();

    /**
     * The positive control of {@link ResponseDecoderFuzzTest}'s properties: a valid document, with generated values,
     * decodes to exactly the values it holds. A decoder that threw on everything, or returned an empty result, passes "a result or a
     * documented exception" but not this.
     */
    @Property
    void validDocumentsDecodeToTheValuesTheyHold(@ForAll("validDocuments") Document document) {
        byte[] body = document.json().getBytes(StandardCharsets.UTF_8);
        VerificationResult result = decoder.decode(200, body, body.length);
        org.assertj.core.api.Assertions.assertThat(result.errorCode()).isEqualTo(document.errorCode());
        org.assertj.core.api.Assertions.assertThat(result.errorMsg()).isEqualTo(document.errorMsg());
        org.assertj.core.api.Assertions.assertThat(result.requestId()).isEqualTo(document.requestId());
        org.assertj.core.api.Assertions.assertThat(result.extra()).isEqualTo(document.extra());
        org.assertj.core.api.Assertions.assertThat(result.videoBase64().toByteArray()).isEqualTo(document.video());
        org.assertj.core.api.Assertions.assertThat(result.verificationDetailList()).hasSize(document.similarities().size());
        for (int i = 0; i < document.similarities().size(); i++) {
            org.assertj.core.api.Assertions.assertThat(result.verificationDetailList().get(i).similarity())
                    .isEqualTo(document.similarities().get(i));
            org.assertj.core.api.Assertions.assertThat(result.verificationDetailList().get(i).seq())
                    .isEqualTo("seq-" + i);
        }
    }

    record Document(long errorCode, String errorMsg, String requestId, String extra, byte[] video,
                    List<Float> similarities) {
        String json() {
            StringBuilder details = new StringBuilder();
            for (int i = 0; i < similarities.size(); i++) {
                details.append(i == 0 ? "" : ",").append("{\"Similarity\":").append(similarities.get(i))
                        .append(",\"Seq\":\"seq-").append(i).append("\"}");
            }
            return "{\"Response\":{\"ErrorCode\":" + errorCode + ",\"ErrorMsg\":" + quote(errorMsg)
                    + ",\"VerificationDetailList\":[" + details + "],\"VideoBase64\":\""
                    + java.util.Base64.getEncoder().encodeToString(video) + "\",\"Extra\":" + quote(extra)
                    + ",\"RequestId\":" + quote(requestId) + "}}";
        }
    }

    @Provide
    Arbitrary<Document> validDocuments() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(20); // any characters, quoted and escaped
        return Combinators.combine(
                Arbitraries.longs().between(-1_000_000, 1_000_000),
                text,
                Arbitraries.strings().alpha().numeric().withChars('-').ofMinLength(1).ofMaxLength(36),
                text,
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.floats().between(0, 100).ofScale(2).list().ofMaxSize(3)).as(Document::new);
    }
}
