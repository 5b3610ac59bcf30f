package io.github.faceid4j.cdi;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strict parsing of configuration text. A value that cannot be read is a deployment problem, never silently a
 * default. Messages quote the value: only non-secret settings are parsed here.
 */
final class Values {

    /** Parses trimmed, non-empty text; throws {@link IllegalArgumentException} with a message for the user. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text);
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("([-+]?\\d{1,18})\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

    private Values() {
    }

    static String text(String text) {
        return text;
    }

    /** {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT5S}. */
    static Duration duration(String text) {
        Matcher m = SIMPLE_DURATION.matcher(text);
        try {
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p' || text.charAt(1) == 'P' || text.charAt(1) == 'p')) {
                return Duration.parse(text);
            }
        } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 500ms, 5s, 2m or PT5S");
    }

    static java.nio.file.Path path(String text) {
        try {
            return java.nio.file.Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a file system path");
        }
    }

    static Long longValue(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    static Integer intValue(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    static Boolean bool(String text) {
        return io.github.faceid4j.client.internal.ConfigValues.bool(text); // the cluster limiter's extension reads it so too
    }
}
