package io.github.faceid4j.cdi;

import io.github.faceid4j.model.start.StartedVerification;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * BizTokens kept by an application key (a customer number, an order) instead of the HTTP session: for portals
 * whose return arrives without the session that started the verification (another node without session
 * replication, a native app's web view). Same rules as {@link SessionBizToken}: the right token of that key only,
 * once, within {@link SessionBizToken#LIFETIME}, compared in constant time; a new start for the key makes the
 * earlier token wrong.
 *
 * <pre>{@code
 * @Inject BizTokenBindings bindings;
 *
 * void started(String customerNumber, StartedVerification started) {
 *     bindings.bind(customerNumber, started);
 * }
 *
 * String returned(String customerNumber, String token) {
 *     return bindings.redeem(customerNumber, token);       // BizTokenRefusedException: start again
 * }
 * }</pre>
 *
 * <p>The key must come from what the portal trusts (its login), never from the request alone. Tokens are held in
 * this JVM's memory; a binding is dropped when it is redeemed or has expired (checked on each bind).
 */
@ApplicationScoped
public class BizTokenBindings {

    private final ConcurrentMap<String, BizTokenBinding> bindings = new ConcurrentHashMap<>();

    /**
     * Creates the bean; the container does, once per application.
     */
    public BizTokenBindings() {
    }

    /**
     * Keeps the BizToken of a verification just started for {@code key}, replacing any earlier one.
     *
     * @param key     the application's key for the customer or the process, e.g. a customer number
     * @param started what {@code VerificationStartService.start} answered
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code started} has no BizToken
     */
    public void bind(String key, StartedVerification started) {
        Objects.requireNonNull(key, "key");
        BizTokenBinding binding = BizTokenBinding.of(Objects.requireNonNull(started, "started").bizToken(),
                SessionBizToken.LIFETIME);
        Instant now = BizTokenBinding.clock.instant();
        bindings.values().removeIf(b -> b.expiredAt(now));
        bindings.put(key, binding);
    }

    /**
     * Accepts the token a browser brought back if, and only if, it is the current BizToken of {@code key}, not yet
     * accepted and not older than {@link SessionBizToken#LIFETIME}; it cannot be accepted again afterwards.
     *
     * @param key            the key the verification was bound to
     * @param presentedToken the {@code token} query parameter of the return, as received (may be {@code null})
     * @return the BizToken to fetch the result with (equal to the presented one)
     * @throws NullPointerException     if {@code key} is {@code null}
     * @throws BizTokenRefusedException if it is refused; its {@link BizTokenRefusedException#reason() reason} says why
     */
    public String redeem(String key, String presentedToken) {
        Objects.requireNonNull(key, "key");
        String[] accepted = new String[1];
        // compute: one redeem at a time per key, so two racing returns cannot both be accepted
        bindings.compute(key, (k, kept) -> {
            BizTokenBinding used = BizTokenBinding.accept(kept, presentedToken);
            accepted[0] = used.token();
            return used; // kept (used) until it expires, so a second use says ALREADY_USED rather than NOT_STARTED
        });
        return accepted[0];
    }

    @Override
    public String toString() {
        return "BizTokenBindings[" + bindings.size() + " kept]";
    }
}
