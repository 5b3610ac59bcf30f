package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObservedVerificationResultServiceTest {

    /** Answers a scripted result, or fails with a timeout for tokens starting with "slow". */
    static final class Stub implements VerificationResultService {
        final CompletableFuture<VerificationResult> pending = new CompletableFuture<>();
        boolean closed;

        @Override
        public VerificationResult getResult(String bizToken) {
            if (bizToken.startsWith("slow")) {
                FaceIdTimeoutException e = new FaceIdTimeoutException("timed out", null);
                e.recordAttempts(3);
                throw e;
            }
            return new VerificationResult(17L, "not finished", null, null, null, null, "personal extra", "rid");
        }

        @Override
        public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
            return pending;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aFailingObserverDoesNotChangeTheOutcome() {
        Stub stub = new Stub();
        var service = new ObservedVerificationResultService(stub, "pay", e -> {
            throw new IllegalStateException("observer bug");
        });
        assertThat(service.getResult("unfinished-1").errorCode()).isEqualTo(17L);
        assertThatThrownBy(() -> service.getResult("slow-1")).isInstanceOf(FaceIdTimeoutException.class);
        service.close();
        assertThat(stub.closed).isTrue();
    }

    @Test
    void reportsAttemptsOfFailuresAndCompletesAsyncCallsAfterTheEvent() {
        Stub stub = new Stub();
        List<VerificationCallEvent> events = new CopyOnWriteArrayList<>();
        var service = new ObservedVerificationResultService(stub, "pay", events::add);

        assertThatThrownBy(() -> service.getResult("slow-2")).isInstanceOf(FaceIdTimeoutException.class);
        assertThat(events.get(0).attempts()).isEqualTo(3);
        assertThat(events.get(0).errorType()).isEqualTo("FaceIdTimeoutException");
        assertThat(events.get(0).errorCode()).isNull();

        CompletionStage<VerificationResult> stage = service.getResultAsync("unfinished-async");
        assertThat(events).hasSize(1); // the caller was not blocked, nothing fired yet
        stage.thenRun(() -> assertThat(events).hasSize(2));
        stub.pending.complete(stub.getResult("unfinished-async"));
        assertThat(stage.toCompletableFuture().join().errorCode()).isEqualTo(17L);
        VerificationCallEvent async = events.get(1);
        assertThat(async.outcome()).isEqualTo(VerificationCallEvent.Outcome.NOT_PASSED);
        assertThat(async.resultCode()).isEqualTo(17L);
        assertThat(async.async()).isTrue();
        assertThat(async.toString()).doesNotContain("personal extra", "unfinished-async");
    }

    @Test
    void masksTokens() {
        assertThat(VerificationCallEvent.mask("abcdefgh")).isEqualTo("abcd...");
        assertThat(VerificationCallEvent.mask("abcd")).isEqualTo("***");
        assertThat(VerificationCallEvent.mask(null)).isNull();
    }
}
