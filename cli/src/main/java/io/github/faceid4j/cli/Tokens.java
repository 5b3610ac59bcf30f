package io.github.faceid4j.cli;

/** How the CLI shows a BizToken: its first four characters, enough to tell tokens apart, not enough to use one. */
final class Tokens {

    private static final int SHOWN = 4;

    private Tokens() {
    }

    static String mask(String bizToken) {
        if (bizToken == null) {
            return "-";
        }
        return bizToken.length() <= SHOWN ? "***" : bizToken.substring(0, SHOWN) + "...";
    }
}
