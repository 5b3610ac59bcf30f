package io.github.faceid4j.sample.onboarding;

import jakarta.enterprise.context.SessionScoped;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The customer of this browser session, as the portal knows them: in a real portal the logged-in customer; here a
 * customer number made up for the session. It also keeps, server side, the BizToken the customer came back with (to
 * check again while the verification is not finished) and the best frame of the last result, which the result page
 * shows from the session ({@code GET /api/portal/frame}): the face never goes to a file or a URL with a token.
 */
@SessionScoped
public class PortalCustomer implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String number = newNumber();
    private String returnedToken;
    private byte[] bestFrame;

    private static String newNumber() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return "C-" + HexFormat.of().withUpperCase().formatHex(bytes);
    }

    String number() {
        return number;
    }

    synchronized void returnedWith(String bizToken) {
        returnedToken = bizToken;
        bestFrame = null;
    }

    synchronized String returnedToken() {
        return returnedToken;
    }

    /** A new verification starts: forget the previous one's token and face. */
    synchronized void starting() {
        returnedToken = null;
        bestFrame = null;
    }

    synchronized void bestFrame(byte[] jpeg) {
        bestFrame = jpeg;
    }

    synchronized byte[] bestFrame() {
        return bestFrame;
    }

    @Override
    public String toString() {
        return "PortalCustomer[" + number + "]";
    }
}
