package io.github.faceid4j.emulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verifications started with {@code ApplyWebVerificationBizTokenIntl}, from the BizToken to the result, on the
 * flow's clock. What the documents say, kept here in one place:
 * <ul>
 *   <li>a BizToken must be used (its pages opened) within 10 minutes, or it expires: its pages refuse it and its
 *       result is code 15 (token expired);</li>
 *   <li>until the customer finishes, the result is code 17 (not finished);</li>
 *   <li>a result can be fetched for 3 days after the token was issued; after that the API error
 *       {@code InvalidParameterValue.BizTokenExpired};</li>
 *   <li>a verification finishes once: completing it again is refused (code 14, already completed).</li>
 * </ul>
 */
final class WebFlow {

    static final Duration UNUSED_LIFETIME = Duration.ofMinutes(10);
    static final Duration RESULT_LIFETIME = Duration.ofDays(3);
    /** Bounded, so a long-running command-line emulator does not grow without limit. */
    static final int MAX_SESSIONS = 100_000;

    enum State { ISSUED, STARTED, COMPLETED }

    /** One verification. Mutable only through {@link WebFlow}, under its lock. */
    static final class Session {
        final String token;
        final ApplyRequest request;
        final Instant issued;
        State state = State.ISSUED;
        FlowOutcome outcome;
        long code;
        Instant completed;

        Session(String token, ApplyRequest request, Instant issued) {
            this.token = token;
            this.request = request;
            this.issued = issued;
        }

        /** {@code RedirectURL?token=<BizToken>}, as the documents spell it. */
        String redirectTarget() {
            return request.redirectUrl() + "?token=" + token;
        }
    }

    /** Why a completion or a page was refused: HTTP status and text for the tester. */
    record Refusal(int status, String message) {
    }

    /** What GetWebVerificationResultIntl answers for a token of this flow. */
    record ResultView(Session session, FlowOutcome outcome, long code, boolean apiExpired) {
    }

    private final FlowClock clock;
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    WebFlow(FlowClock clock) {
        this.clock = clock;
    }

    FlowClock clock() {
        return clock;
    }

    /** Issues a BizToken for a checked request. */
    Session issue(ApplyRequest request) {
        if (sessions.size() >= MAX_SESSIONS) {
            Instant cutoff = clock.instant().minus(RESULT_LIFETIME);
            sessions.values().removeIf(s -> s.issued.isBefore(cutoff));
        }
        String token = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        Session s = new Session(token, request, clock.instant());
        sessions.put(token, s);
        return s;
    }

    /** The hosted pages' address of a session: under the emulator's own endpoint. */
    static URI verificationUrl(URI endpoint, String token) {
        return URI.create(endpoint + HostedPages.PREFIX + token);
    }

    Optional<Session> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(sessions.get(token));
    }

    /** The customer opens the pages: the token is used now, or refused when expired or unknown. */
    synchronized Optional<Refusal> open(Session s) {
        Instant now = clock.instant();
        if (now.isAfter(s.issued.plus(RESULT_LIFETIME))) {
            return Optional.of(new Refusal(410, "This verification has expired."));
        }
        if (s.state == State.ISSUED) {
            if (unusedTooLong(s, now)) {
                return Optional.of(new Refusal(410, "This link has expired: a BizToken must be used within 10"
                        + " minutes of being issued. Ask the portal for a new one."));
            }
            s.state = State.STARTED;
        }
        return Optional.empty();
    }

    /**
     * Finishes a verification with what the customer did.
     *
     * @param code the result code, or null for the outcome's default
     */
    synchronized Optional<Refusal> complete(Session s, FlowOutcome outcome, Long code) {
        Optional<Refusal> refused = open(s);
        if (refused.isPresent()) {
            return refused;
        }
        if (s.state == State.COMPLETED) {
            return Optional.of(new Refusal(409, "This verification is already completed (code 14): its outcome"
                    + " is " + s.outcome.formValue() + "."));
        }
        long c = code == null ? outcome.defaultCode() : code;
        if (!outcome.allows(c)) {
            return Optional.of(new Refusal(400, "Code " + c + " does not go with outcome " + outcome.formValue()
                    + "."));
        }
        ApplyRequest r = s.request;
        if (outcome == FlowOutcome.COMPARE_FAILED && !r.compare()) {
            return Optional.of(new Refusal(400, "Check mode " + r.checkMode() + " compares no faces, so the"
                    + " comparison cannot fail."));
        }
        if (outcome == FlowOutcome.LIVENESS_FAILED && !r.liveness()) {
            return Optional.of(new Refusal(400, "Check mode 4 runs no liveness detection, so it cannot fail."));
        }
        s.state = State.COMPLETED;
        s.outcome = outcome;
        s.code = c;
        s.completed = clock.instant();
        return Optional.empty();
    }

    /** The answer for a token of this flow, on the flow's clock. */
    synchronized ResultView result(Session s) {
        Instant now = clock.instant();
        if (now.isAfter(s.issued.plus(RESULT_LIFETIME))) {
            return new ResultView(s, null, 0, true);
        }
        if (s.state == State.COMPLETED) {
            return new ResultView(s, s.outcome, s.code, false);
        }
        if (s.state == State.ISSUED && unusedTooLong(s, now)) {
            return new ResultView(s, null, 15, false);
        }
        return new ResultView(s, null, 17, false);
    }

    private static boolean unusedTooLong(Session s, Instant now) {
        return now.isAfter(s.issued.plus(UNUSED_LIFETIME));
    }

    void reset() {
        sessions.clear();
        clock.reset();
    }
}
