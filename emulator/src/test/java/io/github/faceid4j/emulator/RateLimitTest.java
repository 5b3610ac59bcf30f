package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void atMostTwentyOfTwentyFiveRapidRequestsAreAccepted() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            TestClient client = new TestClient(emulator);
            long start = System.nanoTime();
            List<CompletableFuture<HttpResponse<byte[]>>> futures = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                futures.add(client.call("passed-" + i).sendAsync());
            }
            int ok = 0;
            int limited = 0;
            for (var f : futures) {
                var r = TestClient.json(f.get().body()).getJsonObject("Response");
                if (r.containsKey("Error")) {
                    assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo("RequestLimitExceeded");
                    assertThat(r.getJsonObject("Error").getString("Message")).startsWith("Your current request rate");
                    limited++;
                } else {
                    ok++;
                }
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(ok + limited).isEqualTo(25);
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isLessThanOrEqualTo(20);
            assertThat(emulator.rateLimitedCount()).isEqualTo(limited);
            if (elapsedMs < 900) { // all inside one window: exactly the limit got through
                assertThat(ok).isEqualTo(20);
                assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isEqualTo(20);
            }
            assertThat(emulator.requests()).filteredOn(r -> "RequestLimitExceeded".equals(r.errorCode()))
                    .allSatisfy(r -> {
                        assertThat(r.signatureValid()).isTrue();
                        assertThat(r.accepted()).isFalse();
                        assertThat(r.bizToken()).startsWith("passed-");
                    });
        }
    }

    @Test
    void anEmulatorThatDoesNotEnforceItsLimitCountsEveryArrival() throws Exception {
        // what client pacing tests measure against: an emulator that refuses the 21st request could never show 21
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitEnforced(false).build().start()) {
            TestClient client = new TestClient(emulator);
            long start = System.nanoTime();
            for (int i = 0; i < 25; i++) {
                assertThat(client.call("passed-" + i).errorCode()).isNull();
            }
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(emulator.rateLimitedCount()).isZero();
            assertThat(emulator.requests()).hasSize(25).allSatisfy(r -> assertThat(r.accepted()).isTrue());
            if (elapsedMs < 900) { // all inside one window
                assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isEqualTo(25);
            } else {
                assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isGreaterThan(1);
            }
        }
    }

    @Test
    void windowSlidesAndRejectedAuthDoesNotCount() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitPerSecond(2).build().start()) {
            TestClient client = new TestClient(emulator);
            for (int i = 0; i < 5; i++) {
                var bad = client.call("passed-1");
                bad.secretKey = "wrong";
                assertThat(bad.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
            }
            assertThat(client.call("passed-1").errorCode()).isNull();
            assertThat(client.call("passed-2").errorCode()).isNull();
            assertThat(client.call("passed-3").errorCode()).isEqualTo("RequestLimitExceeded");
            Thread.sleep(1_050);
            assertThat(client.call("passed-4").errorCode()).isNull();
            assertThat(emulator.rateLimitedCount()).isEqualTo(1);
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).isEqualTo(2);

            emulator.reset();
            assertThat(emulator.rateLimitedCount()).isZero();
            assertThat(client.call("passed-5").errorCode()).isNull(); // reset also empties the window
        }
    }

    @Test
    void scriptedRateLimitIsNotCountedAsOwnLimiting() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            assertThat(new TestClient(emulator).call("ratelimited-1").errorCode()).isEqualTo("RequestLimitExceeded");
            assertThat(emulator.rateLimitedCount()).isZero();
            assertThat(emulator.requests().get(0).accepted()).isTrue();
        }
    }
}
