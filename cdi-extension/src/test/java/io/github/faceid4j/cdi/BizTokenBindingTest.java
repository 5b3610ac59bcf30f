package io.github.faceid4j.cdi;

import io.github.faceid4j.cdi.BizTokenRefusedException.Reason;
import io.github.faceid4j.model.start.StartedVerification;
import org.jboss.weld.context.bound.BoundLiteral;
import org.jboss.weld.context.bound.BoundSessionContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SessionBizToken} in Weld with real session contexts (one map of attributes per "HTTP session", as a servlet
 * container keeps them), and {@link BizTokenBindings} by key: the right token once, nothing else.
 */
class BizTokenBindingTest {

    private CdiTestSupport.Booted cdi;
    private BoundSessionContext sessions;
    private Instant now = Instant.parse("2026-11-30T12:00:00Z");

    @BeforeEach
    void boot() {
        BizTokenBinding.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        // a complete client configuration (the extension checks it at deployment); no call is made
        cdi = CdiTestSupport.boot(CdiTestSupport.config(CdiTestSupport.map(CdiTestSupport.props(
                        "tencentcloud.faceid.region", "ap-singapore",
                        "tencentcloud.faceid.endpoint", "http://127.0.0.1:9",
                        "tencentcloud.faceid.secret-id", CdiTestSupport.SECRET_ID,
                        "tencentcloud.faceid.secret-key", CdiTestSupport.SECRET_KEY))),
                SessionBizToken.class, BizTokenBindings.class);
        sessions = cdi.container().select(BoundSessionContext.class, BoundLiteral.INSTANCE).get();
    }

    @AfterEach
    void shutDown() {
        BizTokenBinding.clock = Clock.systemUTC();
        cdi.close();
    }

    /** Runs {@code work} inside the session whose attributes are {@code storage}. */
    private <T> T in(Map<String, Object> storage, Supplier<T> work) {
        sessions.associate(storage);
        sessions.activate();
        try {
            return work.get();
        } finally {
            sessions.invalidate();
            sessions.deactivate();
            sessions.dissociate(storage);
        }
    }

    private void run(Map<String, Object> storage, Runnable work) {
        in(storage, () -> {
            work.run();
            return null;
        });
    }

    private SessionBizToken token() {
        return cdi.get(SessionBizToken.class);
    }

    private static StartedVerification started() {
        String token = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        return new StartedVerification(token, "https://127.0.0.1:1/verify/" + token, "req-" + token);
    }

    private static Reason refusal(Runnable redeem) {
        try {
            redeem.run();
        } catch (BizTokenRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("accepted, should have been refused");
    }

    @Test
    void theSessionsTokenIsAcceptedOnceThenRefusedAsUsed() {
        Map<String, Object> session = new HashMap<>();
        StartedVerification started = started();
        run(session, () -> token().bind(started));

        assertThat(in(session, () -> token().pending())).isTrue();
        assertThat(in(session, () -> token().redeem(started.bizToken()))).isEqualTo(started.bizToken());
        assertThat(in(session, () -> token().pending())).isFalse();
        // a reload of the return page, a second tab: the same token again
        assertThat(refusal(() -> run(session, () -> token().redeem(started.bizToken())))).isEqualTo(Reason.ALREADY_USED);
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        Map<String, Object> alice = new HashMap<>();
        Map<String, Object> mallory = new HashMap<>();
        Map<String, Object> nobody = new HashMap<>();
        StartedVerification alices = started();
        StartedVerification mallorys = started();
        run(alice, () -> token().bind(alices));
        run(mallory, () -> token().bind(mallorys));

        // Mallory presents Alice's (passed) token in her own session
        assertThat(refusal(() -> run(mallory, () -> token().redeem(alices.bizToken())))).isEqualTo(Reason.WRONG_TOKEN);
        // a session that started nothing
        assertThat(refusal(() -> run(nobody, () -> token().redeem(alices.bizToken())))).isEqualTo(Reason.NOT_STARTED);
        // the refused attempt used up nothing: both still return with their own token
        assertThat(in(alice, () -> token().redeem(alices.bizToken()))).isEqualTo(alices.bizToken());
        assertThat(in(mallory, () -> token().redeem(mallorys.bizToken()))).isEqualTo(mallorys.bizToken());
    }

    @Test
    void anOlderTokenOfTheSameSessionIsRefusedAfterANewStart() {
        Map<String, Object> session = new HashMap<>();
        StartedVerification first = started();
        StartedVerification second = started();
        run(session, () -> token().bind(first));
        run(session, () -> token().bind(second));

        assertThat(refusal(() -> run(session, () -> token().redeem(first.bizToken())))).isEqualTo(Reason.WRONG_TOKEN);
        assertThat(in(session, () -> token().redeem(second.bizToken()))).isEqualTo(second.bizToken());

        // even one that was accepted before (say it passed), after a new start that failed
        StartedVerification third = started();
        run(session, () -> token().bind(third));
        assertThat(refusal(() -> run(session, () -> token().redeem(second.bizToken())))).isEqualTo(Reason.WRONG_TOKEN);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Map<String, Object> late = new HashMap<>();
        Map<String, Object> justInTime = new HashMap<>();
        StartedVerification lateOne = started();
        StartedVerification justInTimeOne = started();
        run(late, () -> token().bind(lateOne));
        run(justInTime, () -> token().bind(justInTimeOne));

        now = now.plus(SessionBizToken.LIFETIME).minusSeconds(1);
        assertThat(in(justInTime, () -> token().redeem(justInTimeOne.bizToken()))).isEqualTo(justInTimeOne.bizToken());
        now = now.plusSeconds(1);
        assertThat(in(late, () -> token().pending())).isFalse();
        assertThat(refusal(() -> run(late, () -> token().redeem(lateOne.bizToken())))).isEqualTo(Reason.EXPIRED);
        // a wrong token after expiry is still just wrong: it learns nothing about the kept one
        assertThat(refusal(() -> run(late, () -> token().redeem(started().bizToken())))).isEqualTo(Reason.WRONG_TOKEN);
        assertThat(SessionBizToken.LIFETIME).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void missingTokensAreWrongAndNothingShowsTheToken() {
        Map<String, Object> session = new HashMap<>();
        StartedVerification started = started();
        run(session, () -> token().bind(started));

        assertThat(refusal(() -> run(session, () -> token().redeem(null)))).isEqualTo(Reason.WRONG_TOKEN);
        assertThat(refusal(() -> run(session, () -> token().redeem("")))).isEqualTo(Reason.WRONG_TOKEN);
        // a prefix of the right token is not the right token
        assertThat(refusal(() -> run(session, () -> token().redeem(started.bizToken().substring(0, 8)))))
                .isEqualTo(Reason.WRONG_TOKEN);

        String shown = in(session, () -> token().toString());
        assertThat(shown).doesNotContain(started.bizToken()).contains("pending");
        for (Reason reason : Reason.values()) {
            BizTokenRefusedException e = new BizTokenRefusedException(reason);
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.toString()).doesNotContain(started.bizToken());
        }
        assertThatThrownBy(() -> run(session, () -> token().bind(new StartedVerification(" ", "u", "r"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBindingTravelsWithASerializedSession() throws IOException {
        Map<String, Object> session = new HashMap<>();
        StartedVerification started = started();
        run(session, () -> token().bind(started));

        // what session replication or passivation does with the session's attributes
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(session));
        }
        assertThat(bytes.size()).isPositive();
        assertThat(session).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------ by key

    @Test
    void byKeyTheRightTokenOnceOnlyForItsKey() {
        BizTokenBindings bindings = cdi.get(BizTokenBindings.class);
        StartedVerification alices = started();
        StartedVerification bobs = started();
        bindings.bind("customer-1", alices);
        bindings.bind("customer-2", bobs);

        assertThat(refusal(() -> bindings.redeem("customer-2", alices.bizToken()))).isEqualTo(Reason.WRONG_TOKEN);
        assertThat(refusal(() -> bindings.redeem("customer-3", alices.bizToken()))).isEqualTo(Reason.NOT_STARTED);
        assertThat(bindings.redeem("customer-1", alices.bizToken())).isEqualTo(alices.bizToken());
        assertThat(refusal(() -> bindings.redeem("customer-1", alices.bizToken()))).isEqualTo(Reason.ALREADY_USED);

        StartedVerification bobsSecond = started();
        bindings.bind("customer-2", bobsSecond);
        assertThat(refusal(() -> bindings.redeem("customer-2", bobs.bizToken()))).isEqualTo(Reason.WRONG_TOKEN);

        now = now.plus(SessionBizToken.LIFETIME);
        assertThat(refusal(() -> bindings.redeem("customer-2", bobsSecond.bizToken()))).isEqualTo(Reason.EXPIRED);
        // expired bindings are dropped when the next one is bound
        bindings.bind("customer-4", started());
        assertThat(refusal(() -> bindings.redeem("customer-2", bobsSecond.bizToken()))).isEqualTo(Reason.NOT_STARTED);
        assertThat(bindings.toString()).doesNotContain(bobsSecond.bizToken());
    }

    @Test
    void byKeyTwoRacingReturnsAreNotBothAccepted() throws Exception {
        BizTokenBindings bindings = cdi.get(BizTokenBindings.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                StartedVerification started = started();
                bindings.bind("race", started);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> returns = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    returns.add(pool.submit(() -> {
                        go.await();
                        try {
                            bindings.redeem("race", started.bizToken());
                            return true;
                        } catch (BizTokenRefusedException e) {
                            assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED);
                            return false;
                        }
                    }));
                }
                go.countDown();
                int accepted = 0;
                for (Future<Boolean> r : returns) {
                    accepted += r.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(accepted).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
