package io.github.faceid4j;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The promise of {@link FaceIdException}: messages carry no personal data, even when the service's text does. */
class FaceIdServiceExceptionTest {

    @Test
    void theMessageNamesCodeAndRequestIdButNotTheServicesText() {
        FaceIdServiceException e = FaceIdServiceException.from("InvalidParameterValue",
                "Name 'Jane Synthetic Doe' does not match ID A1234567", "req-1");
        assertThat(e.getMessage()).isEqualTo("FaceID service error InvalidParameterValue (RequestId req-1)")
                .doesNotContain("Jane").doesNotContain("A1234567");
        assertThat(e.toString()).doesNotContain("Jane");
        assertThat(e.serviceMessage()).isEqualTo("Name 'Jane Synthetic Doe' does not match ID A1234567");
    }
}
