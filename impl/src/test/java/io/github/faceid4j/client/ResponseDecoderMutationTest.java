package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * For the mutants PIT found surviving in the decoder (docs/testing.md): the path of a value of the wrong type is
 * exactly the names from the document's root to it, each once, and never the value.
 */
class ResponseDecoderMutationTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"Response\":{\"ErrorCode\":\"Alice1234\",\"RequestId\":\"r\"}}|Response.ErrorCode",
            "{\"Response\":{\"ErrorCode\":0,\"VerificationDetailList\":[{\"Similarity\":\"Alice1234\"}]}}"
                    + "|Response.VerificationDetailList.Similarity",
            "{\"Response\":[\"Alice1234\"]}|Response"})
    void aValueOfTheWrongTypeIsReportedAtExactlyItsPath(String document, String path) {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ResponseDecoder().decode(200, body, body.length))
                .isInstanceOf(FaceIdDecodingException.class)
                .hasMessageStartingWith("FaceID response is not valid JSON of the expected shape at " + path + " (")
                .hasMessageNotContaining("Alice1234");
    }
}
