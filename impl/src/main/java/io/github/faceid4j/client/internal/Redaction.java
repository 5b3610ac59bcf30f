package io.github.faceid4j.client.internal;


/**
 * How faceid4j prints values it must not reveal: BizTokens and ids by a short prefix, JSON text with strings masked.
 * Internal (exported only to faceid4j's own modules): every module (the CLI, the CDI extension's events) masks a
 * BizToken the same way.
 */
public final class Redaction {

    private static final int PREFIX = 4;

    private Redaction() {
    }

    /**
     * The first four characters and an ellipsis ({@code "abcd..."}), {@code "***"} for four characters or fewer,
     * {@code null} for {@code null}: enough to correlate log lines, not enough to use.
     *
     * @param value the value to mask, or null
     * @return the masked form
     */
    public static String prefix(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= PREFIX ? "***" : value.substring(0, PREFIX) + "...";
    }

    /**
     * A bounded excerpt of a response body for an exception message. JSON string values (not member names) are
     * replaced by {@code "***"}: a truncated result would otherwise carry names and ID numbers into logs.
     *
     * @param body   the body's bytes (UTF-8), or null
     * @param length how many of them were received
     * @param max    the excerpt's length in characters, before the ellipsis
     * @return the masked excerpt, empty for no body
     */
    public static String bodyExcerpt(byte[] body, int length, int max) {
        if (body == null || length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(length, max * 4), java.nio.charset.StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            text = maskStrings(text);
        }
        text = text.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }

    /**
     * Replaces every JSON string value by {@code "***"} and keeps member names (a string followed by {@code :}); an
     * unterminated string (a truncated body) is cut off at its opening quote. One pass, no regular expression: a
     * backtracking pattern recursed once per character and overflowed small thread stacks on long strings.
     *
     * @param text JSON text, possibly truncated
     * @return the text with every string value masked
     */
    public static String maskStrings(String text) {
        StringBuilder masked = new StringBuilder(Math.min(text.length(), 1024));
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c != '"') {
                masked.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < n && text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= n) {
                return masked.append("\"***").toString(); // unterminated
            }
            int after = end + 1;
            while (after < n && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            boolean name = after < n && text.charAt(after) == ':';
            masked.append(name ? text.substring(i, end + 1) : "\"***\"");
            i = end + 1;
        }
        return masked.toString();
    }
}
