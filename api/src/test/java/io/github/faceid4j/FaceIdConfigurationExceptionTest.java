package io.github.faceid4j;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

class FaceIdConfigurationExceptionTest {

    @Test
    void noProblemThrowsNothing() {
        assertThatCode(() -> FaceIdConfigurationException.throwIfAny(List.of())).doesNotThrowAnyException();
    }

    @Test
    void theFirstProblemIsThrownWithTheOthersSuppressedInOrder() {
        FaceIdConfigurationException region = new FaceIdConfigurationException("region", "is required");
        FaceIdConfigurationException credentials = new FaceIdConfigurationException("credentials", "are required");
        FaceIdConfigurationException timeout = new FaceIdConfigurationException("callTimeout", "must be positive");

        Throwable thrown = catchThrowable(
                () -> FaceIdConfigurationException.throwIfAny(List.of(region, credentials, timeout)));

        assertThat(thrown).isSameAs(region);
        assertThat(thrown.getSuppressed()).containsExactly(credentials, timeout);
        assertThat(region.attempts()).isZero();
    }
}
