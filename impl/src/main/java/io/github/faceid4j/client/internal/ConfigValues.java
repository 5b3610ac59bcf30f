package io.github.faceid4j.client.internal;

import java.util.Locale;

/**
 * How configuration text becomes a value, where more than one module reads the same key (the CDI extension and the
 * cluster rate limiter both read {@code tencentcloud.faceid.enabled}): one parser, so a value means the same to all.
 * Internal (exported only to faceid4j's own modules).
 */
public final class ConfigValues {

    private ConfigValues() {
    }

    /**
     * {@code true}, {@code yes}, {@code on}, {@code 1} or {@code false}, {@code no}, {@code off}, {@code 0}, in any
     * case, surrounding blanks ignored.
     *
     * @param text the configured value, as read from the configuration source
     * @return the boolean it means
     * @throws IllegalArgumentException for anything else, naming the value
     */
    public static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean; use true or false");
        };
    }
}
