package io.github.faceid4j.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Leak scans that look for any {@value #PIECE_LENGTH}-character piece of each secret, not only the whole value: a
 * log line with the first 20 characters of a SecretKey, or a signature cut short, leaks as much as the whole. The
 * secrets scanned for must therefore be random-looking (no piece of them a word that a message may legitimately
 * hold, such as "SecretKey"). Shared with the cdi-extension's and the CLI's tests through impl's test-jar.
 */
public final class Leaks {

    /** Shorter pieces of a random secret say little; longer ones would let a truncated leak through. */
    public static final int PIECE_LENGTH = 8;

    private final Map<String, String> secrets = new LinkedHashMap<>();

    private Leaks() {
    }

    /** Starts a scan for {@code secret}, named {@code name} in a failure (the value itself is not printed). */
    public static Leaks of(String name, String secret) {
        return new Leaks().and(name, secret);
    }

    /** Adds a secret to scan for. */
    public Leaks and(String name, String secret) {
        if (secret == null || secret.length() < PIECE_LENGTH) {
            throw new IllegalArgumentException(name + " is too short to scan for pieces of it");
        }
        secrets.put(name, secret);
        return this;
    }

    /** Fails naming the secret and the piece's offset when {@code text} holds any piece of any secret. */
    public void assertNotIn(String what, CharSequence text) {
        String haystack = text.toString();
        secrets.forEach((name, secret) -> {
            for (int i = 0; i + PIECE_LENGTH <= secret.length(); i++) {
                int at = haystack.indexOf(secret.substring(i, i + PIECE_LENGTH));
                if (at >= 0) {
                    fail(what + " holds characters " + i + ".." + (i + PIECE_LENGTH) + " of the " + name
                            + " at offset " + at);
                }
            }
        });
    }
}
