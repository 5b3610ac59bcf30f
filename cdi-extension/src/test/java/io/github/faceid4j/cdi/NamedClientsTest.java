package io.github.faceid4j.cdi;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import io.smallrye.config.EnvConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_ID;
import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_KEY;
import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedClientsTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @Dependent
    static class TwoRegions {
        @Inject
        @FaceIdClient("jakarta")
        VerificationResultService jakarta;

        @Inject
        @FaceIdClient("singapore")
        Instance<VerificationResultService> singapore;
    }

    @Dependent
    static class PayOnly {
        @Inject
        @FaceIdClient("pay")
        VerificationResultService pay;
    }

    @Singleton
    static class JakartaObserver {
        final List<VerificationCallEvent> seen = new CopyOnWriteArrayList<>();

        void onJakartaCall(@Observes @FaceIdClient("jakarta") VerificationCallEvent event) {
            seen.add(event);
        }
    }

    /** Credentials and endpoint shared through the unnamed keys; only the region differs. */
    private String endpoint() {
        return emulator.get().endpoint().toString();
    }

    @Test
    void namedClientsShareUnnamedSettingsAndUseTheirOwnRegion() {
        var config = config(map(props(
                "tencentcloud.faceid.endpoint", endpoint(),
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.secret-key", SECRET_KEY,
                "tencentcloud.faceid.jakarta.region", "ap-jakarta",
                "tencentcloud.faceid.singapore.region", "ap-singapore")));
        try (var cdi = boot(config, TwoRegions.class, JakartaObserver.class)) {
            TwoRegions app = cdi.get(TwoRegions.class);
            assertThat(app.jakarta.getResult("passed-j").passed()).isTrue();
            assertThat(app.singapore.get().getResult("passed-s").passed()).isTrue();

            // No unnamed region and only named injection points: no default bean, and no complaint about it.
            assertThat(cdi.container().select(VerificationResultService.class).isUnsatisfied()).isTrue();
            assertThat(cdi.container().select(VerificationResultService.class, FaceIdClient.Literal.of("jakarta"))
                    .isResolvable()).isTrue();

            // Events of a named client carry its qualifier.
            assertThat(cdi.get(JakartaObserver.class).seen).singleElement()
                    .satisfies(e -> assertThat(e.clientName()).isEqualTo("jakarta"));
        }
        assertThat(emulator.get().requestsFor("passed-j").get(0).header("X-TC-Region")).isEqualTo("ap-jakarta");
        assertThat(emulator.get().requestsFor("passed-s").get(0).header("X-TC-Region")).isEqualTo("ap-singapore");
    }

    @Test
    void namedClientsReadEnvironmentVariableForms() {
        var env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_FACEID_EU_WEST_REGION", "ap-jakarta",
                "TENCENTCLOUD_FACEID_EU_WEST_ENDPOINT", endpoint(),
                "TENCENTCLOUD_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", SECRET_KEY), 300);
        try (var cdi = boot(config(env), EuWest.class)) {
            assertThat(cdi.get(EuWest.class).client.getResult("passed-eu-west").passed()).isTrue();
        }
        assertThat(emulator.get().requestsFor("passed-eu-west").get(0).header("X-TC-Region")).isEqualTo("ap-jakarta");
    }

    @Dependent
    static class EuWest {
        @Inject
        @FaceIdClient("eu-west")
        VerificationResultService client;
    }

    @Test
    void aNamedClientsOwnCredentialsWinOverTheSharedOnes() {
        var config = config(map(CdiTestSupport.valid(emulator.get(),
                "tencentcloud.faceid.pay.secret-id", "AKIDOTHER000000000000000000000000",
                "tencentcloud.faceid.pay.secret-key", "another-key-the-emulator-does-not-know")));
        try (var cdi = boot(config, PayOnly.class)) {
            assertThatThrownBy(() -> cdi.get(PayOnly.class).pay.getResult("passed-pay"))
                    .isInstanceOf(AuthenticationException.class);
            // the default client, configured completely, is still there, with the shared credentials
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-default").passed()).isTrue();
        }
    }
}
