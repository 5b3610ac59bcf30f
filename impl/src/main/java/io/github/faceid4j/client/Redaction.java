package io.github.faceid4j.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How faceid4j prints values it must not reveal: BizTokens and ids by a short prefix, JSON text with strings masked.
 * {@link #prefix} is public so that every module (the CLI, the CDI extension's events) masks a BizToken the same way.
 */
public final class Redaction {

    private static final int PREFIX = 4;
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*:)?");

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
     */
    static String bodyExcerpt(byte[] body, int length, int max) {
        if (body == null || length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(length, max * 4), java.nio.charset.StandardCharsets.UTF_8);
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            Matcher m = JSON_STRING.matcher(text);
            StringBuilder masked = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(masked, m.group(2) != null ? Matcher.quoteReplacement(m.group()) : "\"***\"");
            }
            m.appendTail(masked);
            // an unterminated string (truncated body) is not matched above: cut it off at its opening quote
            text = cutOpenString(masked.toString());
        }
        text = text.replaceAll("[\\p{Cntrl}&&[^\\t]]", " ");
        return text.length() > max ? text.substring(0, max) + "..." : text;
    }

    private static String cutOpenString(String text) {
        boolean inString = false;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
                open = i;
            }
        }
        return inString ? text.substring(0, open) + "\"***" : text;
    }
}
