package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.SyntheticPerson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {

    @Test
    void walksTheWholeFlowAndExits0() {
        Cli.Run run = Cli.run(Map.of(), "demo");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("1. Emulator started on http://127.0.0.1:")
                .contains("2. Clients built: region ap-singapore")
                .contains("3. Verification started: BizToken ")
                .contains("4. Fetched before the customer is done: ErrorCode 17 (not finished)")
                .containsPattern("GET /verify/[0-9A-F]{4}\\.\\.\\. -> HTTP 200")
                .contains("/customer -> HTTP 200")
                .containsPattern("POST /verify/[0-9A-F]{4}\\.\\.\\./complete -> HTTP 303")
                .containsPattern("POST /verify/[0-9A-F]{4}\\.\\.\\./next -> HTTP 303")
                .contains("6. Back at https://portal.example.com/verified?token=")
                .contains("the token matches the one kept for this session")
                .contains("every signature verified by the emulator")
                .contains("Outcome     0 (Success: the person is the same as in the photo)")
                .contains("Passed      yes")
                .contains("CardInfo        MLIDCard, GeneralCard")
                .contains("BizTokenExpiredException, code InvalidParameterValue.BizTokenExpired")
                .contains("Demo OK")
                .doesNotContain("demo-order-1")
                .doesNotContainPattern("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}")
                .doesNotContain(SyntheticPerson.NAME, SyntheticPerson.ID_NUMBER, SyntheticPerson.EXTRA);
    }
}
