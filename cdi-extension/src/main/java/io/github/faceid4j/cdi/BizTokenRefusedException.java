package io.github.faceid4j.cdi;

import java.util.Objects;

/**
 * The BizToken a browser brought back was not accepted: it is not the one started for this session (or key), it
 * was already used, it is too old, or nothing was started. Thrown by {@link SessionBizToken#redeem(String)} and
 * {@link BizTokenBindings#redeem(String, String)}; the portal should fetch no result and show the customer a page
 * that lets them start again.
 *
 * <p>Neither the message nor {@link #toString()} contains the presented or the kept token.
 */
public class BizTokenRefusedException extends SecurityException {

    private static final long serialVersionUID = 1L;

    /** Why a presented BizToken was refused. */
    public enum Reason {
        /** No verification was started for this session or key (or it was forgotten). */
        NOT_STARTED,
        /**
         * The token is missing or is not the one kept: another session's token, or an older one of this session
         * after a new start.
         */
        WRONG_TOKEN,
        /** The right token, but it was accepted once already. */
        ALREADY_USED,
        /** The right token, presented after the binding's lifetime ({@link SessionBizToken#LIFETIME}). */
        EXPIRED
    }

    /** Why the token was refused. */
    private final Reason reason;

    /**
     * Creates the refusal.
     *
     * @param reason why the token was refused
     */
    public BizTokenRefusedException(Reason reason) {
        super(message(Objects.requireNonNull(reason, "reason")));
        this.reason = reason;
    }

    /**
     * {@return why the token was refused}
     */
    public Reason reason() {
        return reason;
    }

    private static String message(Reason reason) {
        return switch (reason) {
            case NOT_STARTED -> "No verification was started here; the BizToken presented is refused";
            case WRONG_TOKEN -> "The BizToken presented is not the one started here (another session's or an older one)";
            case ALREADY_USED -> "The BizToken presented was already accepted once";
            case EXPIRED -> "The BizToken presented was started too long ago";
        };
    }
}
