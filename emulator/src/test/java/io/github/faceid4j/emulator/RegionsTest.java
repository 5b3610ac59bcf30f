package io.github.faceid4j.emulator;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator accepts the five documented regions for both actions, as the service does, and refuses others. */
class RegionsTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @ParameterizedTest
    @ValueSource(strings = {"ap-bangkok", "ap-hongkong", "ap-jakarta", "ap-singapore", "sa-saopaulo"})
    void documentedRegionsAreAcceptedForBothActions(String region) throws Exception {
        TestClient client = new TestClient(EMULATOR.get());
        var result = client.call("passed-1");
        result.region = region;
        assertThat(result.errorCode()).isNull();
        var apply = client.call(null);
        apply.action = "ApplyWebVerificationBizTokenIntl";
        apply.body = "{\"RedirectURL\":\"https://portal.example.com/back\"}";
        apply.region = region;
        assertThat(apply.errorCode()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap-guangzhou", "ap-beijing", "eu-frankfurt"})
    void otherRegionsAreRefusedForBothActions(String region) throws Exception {
        TestClient client = new TestClient(EMULATOR.get());
        for (String action : new String[] {"GetWebVerificationResultIntl", "ApplyWebVerificationBizTokenIntl"}) {
            var call = client.call("passed-1");
            call.action = action;
            call.region = region;
            assertThat(call.errorCode()).as(action).isEqualTo("UnsupportedRegion");
        }
    }
}
