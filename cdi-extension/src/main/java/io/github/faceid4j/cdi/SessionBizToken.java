package io.github.faceid4j.cdi;

import io.github.faceid4j.model.start.StartedVerification;
import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The BizToken started for the current HTTP session, so that the customer's return is accepted only with that token,
 * once. The {@code token} a browser brings back to the {@code RedirectURL} is untrusted input: without this check
 * one customer could present another session's passed BizToken, or an older one of their own.
 *
 * <pre>{@code
 * @Inject VerificationStartService starts;
 * @Inject VerificationResultService results;
 * @Inject SessionBizToken sessionToken;
 *
 * URI start(WebVerificationRequest request) {
 *     StartedVerification started = starts.start(request);
 *     sessionToken.bind(started);                          // replaces any earlier token of this session
 *     return started.verificationUri();                    // send the browser there
 * }
 *
 * VerificationResult customerReturned(String token) {     // the RedirectURL's ?token=
 *     return results.getResult(sessionToken.redeem(token)); // BizTokenRefusedException: start again
 * }
 * }</pre>
 *
 * <p>Rules: the comparison takes constant time; the token is accepted once (a reload or a second tab is refused
 * with {@link BizTokenRefusedException.Reason#ALREADY_USED}: keep what the first return learned); a new
 * {@link #bind(StartedVerification)} makes the earlier token wrong; a binding lasts {@link #LIFETIME}. The bean is
 * session scoped and serializable: it lives (and is replicated) with the session, never in a log. Where there is
 * no HTTP session, {@link BizTokenBindings} keeps tokens by an application key instead.
 */
@SessionScoped
public class SessionBizToken implements Serializable {

    /**
     * How long a started BizToken is accepted back: 30 minutes from the start. The service lets a token go unused
     * for 10 minutes and the customer's steps take a few more (a liveness attempt may last up to 10 minutes); a
     * token presented later than that is refused as {@link BizTokenRefusedException.Reason#EXPIRED}. The result
     * itself stays available from the service for 3 days, for a portal that kept the token server side.
     */
    public static final Duration LIFETIME = Duration.ofMinutes(30);

    private static final long serialVersionUID = 1L;

    /** The session's current token, its expiry and whether it was accepted; {@code null} before the first bind. */
    private BizTokenBinding binding;

    /**
     * Creates the bean; the container does, once per session.
     */
    public SessionBizToken() {
    }

    /**
     * Keeps the BizToken of a verification just started for this session, replacing any earlier one.
     *
     * @param started what {@code VerificationStartService.start} answered
     * @throws NullPointerException     if {@code started} is {@code null}
     * @throws IllegalArgumentException if it has no BizToken
     */
    public synchronized void bind(StartedVerification started) {
        binding = BizTokenBinding.of(Objects.requireNonNull(started, "started").bizToken(), LIFETIME);
    }

    /**
     * Accepts the token the browser brought back if, and only if, it is this session's current BizToken, not yet
     * accepted and not older than {@link #LIFETIME}; it cannot be accepted again afterwards.
     *
     * @param presentedToken the {@code token} query parameter of the return, as received (may be {@code null})
     * @return the BizToken to fetch the result with (equal to the presented one)
     * @throws BizTokenRefusedException if it is refused; its {@link BizTokenRefusedException#reason() reason} says why
     */
    public synchronized String redeem(String presentedToken) {
        binding = BizTokenBinding.accept(binding, presentedToken);
        return binding.token();
    }

    /**
     * {@return whether a started token waits to be redeemed in this session (bound, not used, not expired)}
     */
    public synchronized boolean pending() {
        return binding != null && binding.pending();
    }

    @Override
    public String toString() {
        return "SessionBizToken[" + (binding == null ? "none" : binding) + "]";
    }
}
