package io.github.faceid4j.cli;

import io.github.faceid4j.client.internal.Redaction;

/**
 * How the CLI shows a BizToken: as the library does everywhere ({@link Redaction#prefix}, its first four
 * characters), and {@code "-"} for none.
 */
final class Tokens {

    private Tokens() {
    }

    static String mask(String bizToken) {
        return bizToken == null ? "-" : Redaction.prefix(bizToken);
    }
}
