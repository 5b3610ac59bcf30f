package io.github.faceid4j;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code UnauthorizedOperation.*}: typed, and never transient (so never retried). */
class UnauthorizedOperationTest {

    @ParameterizedTest
    @CsvSource({
        "UnauthorizedOperation.Nonactivated, io.github.faceid4j.ServiceNotActivatedException",
        "UnauthorizedOperation.ActivateError, io.github.faceid4j.ServiceNotActivatedException",
        "UnauthorizedOperation.Activating, io.github.faceid4j.ServiceActivatingException",
        "UnauthorizedOperation.Arrears, io.github.faceid4j.AccountArrearsException",
        "UnauthorizedOperation.ChargeStatusException, io.github.faceid4j.AccountArrearsException",
        "UnauthorizedOperation.NonAuthorize, io.github.faceid4j.UnauthorizedOperationException",
        "UnauthorizedOperation, io.github.faceid4j.UnauthorizedOperationException",
        "AuthFailure.UnauthorizedOperation, io.github.faceid4j.AuthenticationException"})
    void typedAndNeverTransient(String code, Class<?> type) {
        FaceIdServiceException e = FaceIdServiceException.from(code, "The service is not activated.", "req-1");
        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.isTransient()).isFalse();
    }
}
