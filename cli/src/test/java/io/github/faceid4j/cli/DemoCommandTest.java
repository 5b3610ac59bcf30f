package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.SyntheticPerson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void runsEndToEndAndExits0() {
        Cli.Run run = Cli.run(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("1. Emulator started on http://127.0.0.1:")
                .contains("2. Client built: region ap-singapore")
                .contains("signature verified by the emulator")
                .contains("Outcome     0 (Success: the person is the same as in the photo)")
                .contains("Passed      yes")
                .contains("CardInfo        MLIDCard, GeneralCard")
                .contains("BizTokenExpiredException, code InvalidParameterValue.BizTokenExpired")
                .contains("Demo OK")
                .contains("Tries       2 by the customer")
                // the closing hint sends an international account to the Intl endpoint
                .contains("result BIZ_TOKEN --region ap-singapore --endpoint https://faceid.intl.tencentcloudapi.com")
                .doesNotContain("passed-demo")
                .doesNotContain(SyntheticPerson.NAME, SyntheticPerson.ID_NUMBER, SyntheticPerson.EXTRA);
    }
}
